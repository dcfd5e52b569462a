package dev.newswire.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PagesTest {

    static final Path EVAL = Path.of(System.getProperty("newswire.shared.dir", "../../shared"), "eval");

    @Test
    void theLoadCyclesRealArticlePagesOfRealWorldSize() {
        assumeTrue(Files.isDirectory(EVAL.resolve("extraction-readability")), "../shared/eval is not beside this checkout");
        long t0 = System.nanoTime();
        Pages pages = Pages.load(EVAL);
        System.err.printf("[pages] %d article pages, %d KB on average, in %.1f s%n", pages.size(), pages.averageBytes() / 1024,
                (System.nanoTime() - t0) / 1e9);
        assertThat(pages.size()).isGreaterThan(500);
        assertThat(pages.averageBytes()).isBetween(100L * 1024, 300L * 1024);
        assertThat(pages.page(pages.size())).isEqualTo(pages.page(0));
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.page(i).getBytes(StandardCharsets.UTF_8).length).isBetween(Pages.MIN_BYTES, Pages.MAX_BYTES);
        }
    }
}
