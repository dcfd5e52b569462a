package dev.newswire.enrich.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.enrich.extract.ParagraphWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * English running text with machine-made names, which the English tagger learns from beside
 * wikigold at a lower weight ({@link TrainNer#SILVER_WEIGHT}).
 *
 * <p>The text is the article text of the English pages of {@code ../shared}'s extraction set
 * ({@link #paragraphs}); the pages belong to their publishers, so the checkout holds only the labels
 * ({@link #LABELS}): for each sentence that has a name, where it lies in its paragraph and where its
 * tokens part, a hash of its text and its names by code point. A sentence is read as wikigold's are,
 * its tokens joined by single spaces. The labels were made by a tagger learnt from other data
 * (the ner-teacher module, run by hand; see the ner-training README), so they bring names in
 * running news text that wikigold's 116 documents do not have.
 */
public final class SilverCorpus {

    /** The labels, from the checkout's root. */
    public static final String LABELS = "ner-training/src/training/en-news-silver.tsv";

    /** Paragraphs shorter than this are menus, captions or bylines rather than running text. */
    private static final int MIN_PARAGRAPH = 40;

    private SilverCorpus() {
    }

    /** One sentence's labels: its place in a page's paragraph, its text's hash and its names. */
    public record Labelled(String page, int paragraph, int start, int end, List<int[]> gaps, int hash,
                           List<Bio.Tagged> names) {

        /**
         * The sentence as wikigold writes one, its tokens joined by single spaces: the paragraph's
         * text from {@code start} to {@code end} with each gap made one space.
         */
        String text(String paragraph) {
            StringBuilder text = new StringBuilder(paragraph.substring(start, end));
            for (int g = gaps.size() - 1; g >= 0; g--) {
                text.replace(gaps.get(g)[0], gaps.get(g)[1], " ");
            }
            return text.toString();
        }
    }

    /**
     * The paragraphs of article text (as the extraction writes them, {@link ParagraphWriter}; those of
     * more than 40 characters) of each English page of the extraction set, from its {@code expected.html}, by page in name order. A page is
     * English where its metadata says so or says no language and its text is nearly all ASCII.
     */
    public static Map<String, List<String>> paragraphs(Path sharedDir) throws IOException {
        Path pages = sharedDir.resolve("eval/extraction-readability/pages");
        Map<String, List<String>> result = new LinkedHashMap<>();
        List<Path> dirs;
        try (Stream<Path> list = Files.list(pages)) {
            dirs = list.filter(Files::isDirectory).sorted().toList();
        }
        ObjectMapper json = new ObjectMapper();
        for (Path dir : dirs) {
            Path html = dir.resolve("expected.html");
            Path metadata = dir.resolve("expected-metadata.json");
            if (!Files.exists(html)) {
                continue;
            }
            JsonNode lang = Files.exists(metadata) ? json.readTree(metadata.toFile()).get("lang") : null;
            if (lang != null && !lang.isNull() && !lang.asText().toLowerCase().startsWith("en")) {
                continue;
            }
            List<String> paragraphs = paragraphs(Files.readString(html, StandardCharsets.UTF_8));
            String text = String.join("\n", paragraphs);
            if (text.length() >= 500 && text.chars().filter(c -> c < 128).count() >= 0.97 * text.length()) {
                result.put(dir.getFileName().toString(), paragraphs);
            }
        }
        return result;
    }

    static List<String> paragraphs(String html) {
        return ParagraphWriter.paragraphs(Jsoup.parse(html).body()).stream()
                .filter(p -> p.length() > MIN_PARAGRAPH)
                .toList();
    }

    /**
     * The labelled sentences, with the pages' text, as training sentences of documents
     * {@code silver:<page>}.
     *
     * @throws IllegalStateException where a label's sentence is not in the pages as it was when the
     *                               labels were made (the pages or the paragraph reading changed)
     */
    public static List<NerCorpus.Sentence> read(Path labels, Path sharedDir) throws IOException {
        Map<String, List<String>> pages = paragraphs(sharedDir);
        List<NerCorpus.Sentence> sentences = new ArrayList<>();
        for (Labelled l : readLabels(labels)) {
            List<String> paragraphs = pages.get(l.page());
            String paragraph = paragraphs == null || l.paragraph() >= paragraphs.size() ? null
                    : paragraphs.get(l.paragraph());
            String text = paragraph == null || l.end() > paragraph.length() ? null : l.text(paragraph);
            if (text == null || text.hashCode() != l.hash()) {
                throw new IllegalStateException("silver label of " + l.page() + " paragraph " + l.paragraph()
                        + " does not match the page's text: regenerate " + LABELS + " with the ner-teacher module");
            }
            sentences.add(NerCorpus.sentence(text, l.names(), "silver:" + l.page()));
        }
        return sentences;
    }

    /** True for the documents {@link #read} makes. */
    public static boolean isSilver(String document) {
        return document.startsWith("silver:");
    }

    /**
     * Reads the labels: a line per sentence, tab-separated page, paragraph index, start and end (UTF-16
     * offsets in the paragraph), the gaps between its tokens that are not a single space ({@code a-b}
     * from its start, comma-separated, or {@code -}), the {@link String#hashCode} in hex of its tokens
     * joined by spaces, and its names in those as {@code start-end:TYPE} by code point, separated by
     * spaces; {@code #} starts a comment line.
     */
    public static List<Labelled> readLabels(Path file) throws IOException {
        List<Labelled> labels = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            List<Bio.Tagged> names = new ArrayList<>();
            for (String name : f[6].split(" ")) {
                int dash = name.indexOf('-');
                int colon = name.indexOf(':');
                names.add(new Bio.Tagged(Integer.parseInt(name.substring(0, dash)),
                        Integer.parseInt(name.substring(dash + 1, colon)), NerCorpus.conllType(name.substring(colon + 1))));
            }
            List<int[]> gaps = new ArrayList<>();
            if (!f[4].equals("-")) {
                for (String gap : f[4].split(",")) {
                    int dash = gap.indexOf('-');
                    gaps.add(new int[] {Integer.parseInt(gap.substring(0, dash)), Integer.parseInt(gap.substring(dash + 1))});
                }
            }
            labels.add(new Labelled(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), gaps,
                    Integer.parseUnsignedInt(f[5], 16), names));
        }
        return labels;
    }

    /** One line of the labels file, as {@link #readLabels} reads it. */
    public static String labelLine(String page, int paragraph, int start, int end, List<String> gaps, String text,
                                   List<String> names) {
        return page + "\t" + paragraph + "\t" + start + "\t" + end + "\t" + (gaps.isEmpty() ? "-" : String.join(",", gaps))
                + "\t" + Integer.toHexString(text.hashCode()) + "\t" + String.join(" ", names);
    }
}
