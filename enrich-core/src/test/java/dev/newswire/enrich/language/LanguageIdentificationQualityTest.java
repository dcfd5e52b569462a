package dev.newswire.enrich.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Language identification accuracy, printed per language: on the short texts of
 * ../shared/eval/langid-lingua (word pairs, single words) and on sentence-length texts (paragraphs of
 * the evaluation pages whose language their metadata declares, and sentences written for this test).
 */
class LanguageIdentificationQualityTest {

    private static LanguageIdentifier identifier;

    private record Sample(String language, String text) {
    }

    @BeforeAll
    static void load() {
        identifier = LanguageIdentifier.create();
    }

    @Test
    void identifiesWordPairsOfTheTwelveLanguages() throws IOException {
        double accuracy = evaluate("word pairs", shortTexts("word-pairs"));
        assertThat(accuracy).isGreaterThanOrEqualTo(0.94);
    }

    @Test
    void identifiesSingleWordsOfTheTwelveLanguages() throws IOException {
        double accuracy = evaluate("single words", shortTexts("single-words"));
        assertThat(accuracy).isGreaterThanOrEqualTo(0.82);
    }

    @Test
    void identifiesSentenceLengthTexts() throws IOException {
        List<Sample> samples = new ArrayList<>(writtenSentences());
        samples.addAll(pageParagraphs());
        double accuracy = evaluate("sentences", samples);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.99);
    }

    private static double evaluate(String name, List<Sample> samples) {
        Map<String, int[]> perLanguage = new LinkedHashMap<>();
        int correct = 0;
        List<String> misses = new ArrayList<>();
        for (Sample s : samples) {
            String got = identifier.identify(s.text());
            int[] c = perLanguage.computeIfAbsent(s.language(), k -> new int[2]);
            c[1]++;
            if (s.language().equals(got)) {
                c[0]++;
                correct++;
            } else if (misses.size() < 8) {
                misses.add(s.language() + "->" + got + ": " + s.text().substring(0, Math.min(60, s.text().length())));
            }
        }
        double accuracy = correct / (double) samples.size();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "langid %s: %d texts, accuracy %.4f |",
                name, samples.size(), accuracy));
        perLanguage.forEach((lang, c) -> line.append(String.format(Locale.ROOT, " %s %.3f (%d)", lang,
                c[0] / (double) c[1], c[1])));
        System.out.println(line);
        misses.forEach(m -> System.out.println("  miss " + m));
        return accuracy;
    }

    private static List<Sample> shortTexts(String set) throws IOException {
        Path dir = sharedDir().resolve("eval/langid-lingua").resolve(set);
        assumeTrue(Files.isDirectory(dir), "no language-id evaluation set at " + dir + " (../shared is absent): skipped");
        List<Sample> samples = new ArrayList<>();
        for (String lang : LanguageIdentifier.LANGUAGES) {
            for (String line : Files.readAllLines(dir.resolve(lang + ".txt"), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    samples.add(new Sample(lang, line.strip()));
                }
            }
        }
        return samples;
    }

    private static List<Sample> writtenSentences() throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = LanguageIdentificationQualityTest.class.getResourceAsStream("/langid/sentences.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t", 2);
                    samples.add(new Sample(parts[0], parts[1]));
                }
            }
        }
        return samples;
    }

    private static final Pattern LANG = Pattern.compile("\"lang\"\\s*:\\s*\"([A-Za-z]{2})");

    /** Up to ten paragraphs of 80 to 600 characters from each page whose declared language is one of the twelve. */
    private static List<Sample> pageParagraphs() throws IOException {
        Path pages = sharedDir().resolve("eval/extraction-readability/pages");
        if (!Files.isDirectory(pages)) {
            return List.of();
        }
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(pages)) {
            for (Path dir : dirs.sorted().toList()) {
                Path meta = dir.resolve("expected-metadata.json");
                Path expected = dir.resolve("expected.html");
                if (!Files.exists(meta) || !Files.exists(expected)) {
                    continue;
                }
                Matcher m = LANG.matcher(Files.readString(meta, StandardCharsets.UTF_8));
                if (!m.find() || !LanguageIdentifier.LANGUAGES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String lang = m.group(1).toLowerCase(Locale.ROOT);
                int taken = 0;
                for (Element p : Jsoup.parse(Files.readString(expected, StandardCharsets.UTF_8)).select("p")) {
                    String text = p.text();
                    if (text.length() >= 80 && text.length() <= 600 && taken < 10) {
                        samples.add(new Sample(lang, text));
                        taken++;
                    }
                }
            }
        }
        return samples;
    }

    private static Path sharedDir() {
        return Path.of(System.getProperty("newswire.shared.dir", "../../shared"));
    }
}
