package dev.newswire.enrich.keywords;

/**
 * The lead of the article as its summary: whole sentences from the start of the body up to a
 * length (news puts the essentials first). Japanese and Chinese sentences end at 。！？, others
 * at . ! ? followed by a space.
 */
public final class LeadSummary {

    static final int CJK_LIMIT = 200;
    static final int LATIN_LIMIT = 320;

    public String summarize(String body, String language) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String text = paragraphBreaksAsNewlines(body.strip());
        boolean cjk = "ja".equals(language) || "zh".equals(language) || "ko".equals(language);
        int limit = cjk ? CJK_LIMIT : LATIN_LIMIT;
        StringBuilder summary = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int end = sentenceEnd(text, i, cjk);
            String sentence = text.substring(i, end).strip();
            if (summary.length() > 0 && summary.length() + sentence.length() > limit) {
                break;
            }
            if (summary.length() > 0) {
                summary.append(cjk ? "" : " ");
            }
            summary.append(sentence);
            i = end;
            if (summary.length() >= limit) {
                break;
            }
        }
        String result = summary.toString().replace('\n', ' ');
        if (result.length() > limit * 3 / 2) {
            int cut = result.offsetByCodePoints(0, Math.min(limit, result.codePointCount(0, result.length())));
            result = result.substring(0, cut) + "…";
        }
        return result;
    }

    /**
     * Every run of white space holding two line breaks or more as one line break. A loop, not the
     * pattern {@code \s*\n\s*\n\s*}, which backtracks over every long run of spaces (quadratic).
     */
    static String paragraphBreaksAsNewlines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isSpace(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int start = i;
            int breaks = 0;
            while (i < n && isSpace(text.charAt(i))) {
                breaks += text.charAt(i) == '\n' ? 1 : 0;
                i++;
            }
            if (breaks >= 2) {
                out.append('\n');
            } else {
                out.append(text, start, i);
            }
        }
        return out.toString();
    }

    /** White space as the pattern {@code \s} has it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static int sentenceEnd(String text, int from, boolean cjk) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '。' || c == '！' || c == '？') {
                return i + 1;
            }
            if (!cjk && (c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i + 1;
            }
        }
        return text.length();
    }
}
