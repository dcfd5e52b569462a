package dev.newswire.enrich.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the article from a plain-text dump of a web page (what a browser's "save as text" or a
 * text-mode browser gives: menus, byline, the article, then rankings and recommendation lists).
 *
 * <p>The body is the run of lines with the most prose in it: each prose line (long, with sentence
 * punctuation) scores its length, each list item, short fragment or template line costs a fixed
 * amount, and the best-scoring contiguous run wins (the maximum-subarray idea of body-text
 * extraction). The title is the nearest substantial line above the body; the author is a short line
 * that appears both in the header above the body and right after it, or a "By …" line.
 */
public final class TextDumpExtractor {

    /** Lines that start like list items: bullets, numbers, bracketed labels. */
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[•·・◆◇■□●○▶►▸\\-*+–—»›]|\\d{1,3}[.)]\\s|\\d{1,3}$|\\[|\\d{1,2}:\\d{2}\\s)");
    private static final Pattern SENTENCE_PUNCTUATION = Pattern.compile("[.!?。！？」』”\"')）]\\s*$|[。！？]|[.!?;:]\\s");
    private static final Pattern TEMPLATE = Pattern.compile("<\\?|\\?>|//=|\\{\\{|}}|<%|%>|function\\s*\\(");
    private static final Pattern BY_LINE = Pattern.compile("^(?i)(?:by|par|por|von|door|oleh|文|記者|取材・文)[:：/／\\s]+(.{2,60})$");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-./年]\\s*(\\d{1,2})\\s*[-./月]\\s*(\\d{1,2})");
    private static final Pattern MONTH_DATE = Pattern.compile(
            "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{1,2}, \\d{4}|\\b\\d{1,2} "
                    + "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \\d{4}|\\d{1,2}:\\d{2}");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]");

    /** A prose line needs this many characters (CJK characters count double: one carries a word's worth). */
    private static final int MIN_PROSE_WEIGHT = 80;
    private static final int NON_PROSE_COST = 25;

    public Extraction extract(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            lines.add(line.replace('\u00A0', ' ').stripTrailing());
        }
        int[] body = bodyRange(lines);
        if (body == null) {
            return new Extraction(null, null, List.of(), null, null, null, List.of());
        }
        List<ParagraphWriter.Block> blocks = new ArrayList<>();
        for (int i = body[0]; i <= body[1]; i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !TEMPLATE.matcher(line).find()) {
                blocks.add(new ParagraphWriter.Block(line, 0));
            }
        }
        List<String> paragraphs = Boilerplate.strip(blocks);
        int titleLine = titleLine(lines, body[0]);
        String title = titleLine < 0 ? null : lines.get(titleLine).strip();
        String byline = byline(lines, titleLine, body);
        return new Extraction(title, byline, HtmlExtractor.authors(byline), date(lines, titleLine, body[0]), null,
                null, paragraphs);
    }

    /** Paragraphs of a text that is article text already (a pushed body): blocks between blank lines. */
    static List<String> paragraphsOf(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            String p = block.strip();
            if (!p.isEmpty()) {
                paragraphs.add(p);
            }
        }
        return paragraphs;
    }

    /** First and last line of the best-scoring run, or null where no line is prose. */
    private static int[] bodyRange(List<String> lines) {
        int bestStart = -1;
        int bestEnd = -1;
        double best = 0;
        double sum = 0;
        int start = 0;
        int gap = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            double score = score(line);
            // Past two non-prose lines in a row, each further one costs more: a stretch of menus,
            // lists or tickers separates two texts; a subheading or a credit inside an article does not.
            gap = score < 0 ? gap + 1 : 0;
            if (gap > 2) {
                score *= gap - 1;
            }
            if (sum <= 0) {
                sum = 0;
                start = i;
            }
            sum += score;
            if (sum > best && score > 0) {
                best = sum;
                bestStart = start;
                bestEnd = i;
            }
        }
        if (bestStart < 0) {
            return null;
        }
        while (lines.get(bestStart).isBlank() || score(lines.get(bestStart)) < 0) {
            bestStart++;
        }
        return new int[] {bestStart, bestEnd};
    }

    private static double score(String line) {
        if (LIST_ITEM.matcher(line).find() || line.startsWith("  ") || TEMPLATE.matcher(line).find()) {
            return -NON_PROSE_COST;
        }
        String s = line.strip();
        int weight = weight(s);
        if (weight >= MIN_PROSE_WEIGHT && SENTENCE_PUNCTUATION.matcher(s).find()) {
            return weight;
        }
        return -NON_PROSE_COST;
    }

    private static int weight(String s) {
        int cjk = 0;
        Matcher m = CJK.matcher(s);
        while (m.find()) {
            cjk++;
        }
        return s.codePointCount(0, s.length()) + cjk;
    }

    /**
     * The headline: among the lines just above the body, the nearest one that reads like a headline
     * (long enough, not a list item, byline, date, credit or sentence ending in a period), preferring
     * the longer of two close candidates, since captions and teasers above an article are short.
     */
    private static int titleLine(List<String> lines, int bodyStart) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        int seen = 0;
        for (int i = bodyStart - 1; i >= 0 && seen < 15; i--) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            seen++;
            String s = line.strip();
            int weight = weight(s);
            if (LIST_ITEM.matcher(line).find() || line.startsWith("  ") || weight < 20 || weight > 300
                    || BY_LINE.matcher(s).matches() || DATE.matcher(s).find() || MONTH_DATE.matcher(s).find()
                    || s.contains("@") || s.contains("://") || s.endsWith(".") || s.endsWith(":")) {
                continue;
            }
            double score = Math.min(weight, 120) / 12.0 - 2.0 * seen;
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    /**
     * A "By …" line near the body; else a short line below the body whose text the header above the
     * body also shows (sites print the author's name at both ends of the article).
     */
    private static String byline(List<String> lines, int titleLine, int[] body) {
        int from = Math.max(0, titleLine);
        for (int i = from; i < body[0]; i++) {
            Matcher m = BY_LINE.matcher(lines.get(i).strip());
            if (m.matches()) {
                return m.group(1).strip();
            }
        }
        StringBuilder header = new StringBuilder();
        for (int i = from + 1; i < body[0]; i++) {
            header.append(lines.get(i)).append('\n');
        }
        for (int i = body[1] + 1, seen = 0; i < lines.size() && seen < 3; i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            seen++;
            if (line.length() <= 40 && !line.matches(".*\\d.*") && !TEMPLATE.matcher(line).find()
                    && header.indexOf(line) >= 0) {
                return line;
            }
        }
        return null;
    }

    /** A date in the header above the body, at midnight UTC (dumps carry no time zone). */
    private static Instant date(List<String> lines, int titleLine, int bodyStart) {
        for (int i = Math.max(0, titleLine - 3); i < bodyStart; i++) {
            Matcher m = DATE.matcher(lines.get(i));
            if (m.find()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
