package dev.newswire.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

/**
 * The text-dump extractor beyond the seed: each real page of the extraction set (over 20 KB) is
 * rendered here as a browser's "copy all" would give it (a line per block, blank lines between, list
 * items bulleted and indented, as in the seed) and extracted; shingle F1 against the expected article.
 */
class TextDumpQualityTest {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
            "section", "article", "header", "footer", "nav", "aside", "blockquote", "pre", "figure", "figcaption",
            "ul", "ol", "table", "form", "main", "dt", "dd", "br");

    @Test
    void extractsTheArticlesFromTextDumpsOfTheRealPages() throws IOException {
        Path pages = ExtractionQualityTest.sharedDir().resolve("eval/extraction-readability/pages");
        assumeTrue(Files.isDirectory(pages), "no evaluation pages at " + pages + " (../shared is absent): skipped");
        TextDumpExtractor extractor = new TextDumpExtractor();
        double precision = 0;
        double recall = 0;
        int n = 0;
        try (Stream<Path> dirs = Files.list(pages)) {
            for (Path dir : dirs.sorted().toList()) {
                String html = Files.readString(dir.resolve("source.html"), StandardCharsets.UTF_8);
                if (html.length() < 20_000) {
                    continue;
                }
                String truth = Jsoup.parse(Files.readString(dir.resolve("expected.html"), StandardCharsets.UTF_8)).text();
                ShingleMetric.Counts c = ShingleMetric.match(truth, extractor.extract(dump(Jsoup.parse(html))).body());
                precision += c.precision();
                recall += c.recall();
                n++;
            }
        }
        precision /= n;
        recall /= n;
        double f1 = 2 * precision * recall / (precision + recall);
        System.out.printf("text dumps of %d real pages: precision %.4f, recall %.4f, F1 %.4f%n", n, precision, recall, f1);
        assertThat(f1).isGreaterThanOrEqualTo(0.87);
    }

    static String dump(Document doc) {
        doc.select("script, style, noscript, template, svg, head").remove();
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            private boolean item;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    line.append(t.text());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    flush();
                    item = e.normalName().equals("li");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    flush();
                }
            }

            private void flush() {
                String text = line.toString().replaceAll("\\s+", " ").strip();
                if (!text.isEmpty()) {
                    out.append(item ? "  • " : "").append(text).append("\n\n");
                }
                line.setLength(0);
                item = false;
            }
        }, doc.body() == null ? doc : doc.body());
        return out.toString();
    }
}
