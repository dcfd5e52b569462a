package dev.newswire.cli.chaos;

import dev.newswire.enrich.extract.HtmlExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The load's pages: real saved news pages of real-world size (the extraction evaluation sets beside the
 * checkout), cycled; each push gets a URL of its own, so every article has an id of its own. Only pages that
 * are articles are kept: those in which the enrichment's own extraction finds article text (a few saved pages
 * are galleries or index pages, which the enrichment rightly dead-letters; they would be no test of the
 * pipeline's delivery).
 */
final class Pages {

    /** Pages smaller than this are the evaluation sets' edge cases, not news pages. */
    static final int MIN_BYTES = 40 * 1024;

    /** Larger ones exist (1.3 MB) but are not what a news site serves. */
    static final int MAX_BYTES = 600 * 1024;

    private final List<String> pages;

    private Pages(List<String> pages) {
        this.pages = pages;
    }

    /** The real pages under {@code evalDir} ({@code extraction-readability} and {@code extraction-trafilatura}). */
    static Pages load(Path evalDir) {
        List<String> pages = new ArrayList<>();
        try {
            Path readability = evalDir.resolve("extraction-readability/pages");
            if (Files.isDirectory(readability)) {
                try (Stream<Path> cases = Files.list(readability)) {
                    for (Path page : cases.map(c -> c.resolve("source.html")).filter(Files::isRegularFile)
                            .sorted(Comparator.naturalOrder()).toList()) {
                        add(pages, Files.readAllBytes(page));
                    }
                }
            }
            Path trafilatura = evalDir.resolve("extraction-trafilatura/pages");
            if (Files.isDirectory(trafilatura)) {
                try (Stream<Path> files = Files.list(trafilatura)) {
                    for (Path page : files.filter(f -> f.toString().endsWith(".html.gz")).sorted().toList()) {
                        try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                            add(pages, in.readNBytes(MAX_BYTES + 1));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pages in " + evalDir, e);
        }
        pages = pages.parallelStream().filter(Pages::isArticle).toList();
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no pages of " + MIN_BYTES / 1024 + "-" + MAX_BYTES / 1024
                    + " KB under " + evalDir + " (extraction-readability/pages, extraction-trafilatura/pages)");
        }
        return new Pages(pages);
    }

    private static void add(List<String> pages, byte[] bytes) {
        if (bytes.length >= MIN_BYTES && bytes.length <= MAX_BYTES) {
            pages.add(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static boolean isArticle(String page) {
        try {
            return !new HtmlExtractor().extract(page, "https://chaos.newswire.test/page").body().isBlank();
        } catch (RuntimeException | StackOverflowError e) {
            return false;
        }
    }

    int size() {
        return pages.size();
    }

    /** The {@code n}-th page of the cycle. */
    String page(int n) {
        return pages.get(Math.floorMod(n, pages.size()));
    }

    long averageBytes() {
        return (long) pages.stream().mapToInt(p -> p.getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
    }
}
