package dev.newswire.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Extraction quality on the 800 pages of ../shared/eval/extraction-trafilatura (news, blogs,
 * institutional pages in many languages), scored as trafilatura's evaluation scores them
 * (eval/README.md): a {@code with} segment found in the extracted body is a true positive, one missed
 * a false negative; a {@code without} segment (date, byline, menu, related links, footer, imprint)
 * found is a false positive; counts summed over the pages. Pages are decoded as {@code ./newswire
 * extract} decodes files (shared-runtime's {@code TextDecoding}). Prints the figures for the whole set
 * and for its two halves (by a hash of the page's file name, {@link ExtractionQualityTest#half}), and
 * the pages that keep most boilerplate; fails when a page throws or the figures drop below what the
 * extractor reaches today.
 */
class TrafilaturaQualityTest {

    /** Just below the figures reached (precision 0.923, F1 0.918): a change that lowers them is a regression. */
    private static final double MIN_F1 = 0.916;
    private static final double MIN_PRECISION = 0.92;
    /** The pages evaldata.json lists, every one scored. */
    private static final int PAGES = 800;

    private record PageScore(String file, String url, int tp, int fn, int fp, int tn) {
    }

    @Test
    void extractsTheMainTextOfTheTrafilaturaPagesWithoutTheirBoilerplate() throws IOException {
        Path dir = ExtractionQualityTest.sharedDir().resolve("eval/extraction-trafilatura");
        assumeTrue(Files.isDirectory(dir.resolve("pages")), "no evaluation pages at " + dir + " (../shared is absent): skipped");
        List<TrafilaturaSet.Case> set = TrafilaturaSet.load(dir);
        HtmlExtractor extractor = new HtmlExtractor();
        List<PageScore> scores = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (TrafilaturaSet.Case page : set) {
            String body;
            try {
                body = TrafilaturaSet.normalize(String.join("\n", extractor.extract(page.html(), page.url()).paragraphs()));
            } catch (RuntimeException e) {
                failures.add(page.file() + " (" + page.url() + "): " + e);
                body = "";
            }
            int tp = 0;
            int fn = 0;
            int fp = 0;
            int tn = 0;
            for (String segment : page.with()) {
                if (body.contains(TrafilaturaSet.normalize(segment))) {
                    tp++;
                } else {
                    fn++;
                }
            }
            for (String segment : page.without()) {
                if (body.contains(TrafilaturaSet.normalize(segment))) {
                    fp++;
                } else {
                    tn++;
                }
            }
            scores.add(new PageScore(page.file(), page.url(), tp, fn, fp, tn));
        }
        System.out.printf("extraction-trafilatura: %d pages, %d failed%n", set.size(), failures.size());
        failures.forEach(f -> System.out.println("  failed: " + f));
        double[] all = report("all", scores);
        for (int half = 0; half < 2; half++) {
            int h = half;
            report("half " + h, scores.stream().filter(s -> ExtractionQualityTest.half(s.file()) == h).toList());
        }
        scores.stream().sorted(Comparator.comparingInt(PageScore::fp).reversed().thenComparing(PageScore::file))
                .limit(10).forEach(s -> System.out.printf("  most boilerplate kept: %s %s (%d of %d)%n",
                        s.file(), s.url(), s.fp(), s.fp() + s.tn()));
        assertThat(failures).isEmpty();
        assertThat(set).hasSize(PAGES);
        assertThat(all[0]).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(all[2]).isGreaterThanOrEqualTo(MIN_F1);
    }

    /** Prints and answers precision, recall, F1 of the summed counts. */
    private static double[] report(String name, List<PageScore> scores) {
        int tp = scores.stream().mapToInt(PageScore::tp).sum();
        int fn = scores.stream().mapToInt(PageScore::fn).sum();
        int fp = scores.stream().mapToInt(PageScore::fp).sum();
        int tn = scores.stream().mapToInt(PageScore::tn).sum();
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        double f1 = 2 * precision * recall / (precision + recall);
        System.out.printf("  %-6s %3d pages: precision %.4f, recall %.4f, F1 %.4f, accuracy %.4f (tp %d fn %d fp %d tn %d)%n",
                name, scores.size(), precision, recall, f1, (tp + tn) / (double) (tp + fn + fp + tn), tp, fn, fp, tn);
        return new double[] {precision, recall, f1};
    }
}
