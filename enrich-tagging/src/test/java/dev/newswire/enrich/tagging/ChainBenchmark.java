package dev.newswire.enrich.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newswire.enrich.ArticleDraft;
import dev.newswire.enrich.EnrichmentChain;
import dev.newswire.enrich.EnrichmentStage;
import dev.newswire.enrich.dedup.InMemoryNearDuplicateIndex;
import dev.newswire.enrich.language.LanguageIdentifier;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the whole enrichment chain, composed as enrich-service composes it (extraction and
 * language of enrich-core, then entities, topics, keywords and summary, SimHash), on one thread,
 * from the raw page to the enriched article. Inputs from {@code ../shared}:
 * <ul>
 * <li>Japanese pages: the seed, a plain-text dump of a Japanese news page with its menus (8.7 KB,
 *     pushed as {@code text/plain}); and {@code hukumusume}, the Japanese HTML page of the
 *     extraction set nearest that size (24 KB; the other, {@code yahoo-4}, is 140 KB).</li>
 * <li>English pages: the HTML pages of the extraction set between 6 and 16 KB, as they are
 *     ({@code daringfireball-1} 10 KB, {@code 001} 12 KB, {@code table-style-attributes} 14 KB).</li>
 * <li>Reported apart, the worst case of the tagging stages: 10 KB of clean article text pushed as
 *     {@code text/plain} (Japanese from the seed's paragraphs, English from the topic test set), where every byte is article text to tag.</li>
 * </ul>
 * Time is CPU time of this thread and of the common fork-join pool, where Lingua runs part of
 * the language stage. Run as the repository's benchmarks are (root README):
 * <pre>mvn -B -Pbench -pl enrich-tagging -am verify -Dit.test=ChainBenchmark</pre>
 * ({@code -Dbench.sets=ja-pages,en-pages,ja-text,en-text} picks sets; all by default). It prints
 * pages per second per core for each set, the time of each stage and of each page, and the heap
 * the loaded chain holds. Without {@code ../shared} it is skipped.
 */
class ChainBenchmark {

    private static final int WARM_UP = 3;
    private static final int ROUNDS = 13;
    private static final int CLEAN_TEXT_BYTES = 10 * 1024;
    private static final int CLEAN_TEXTS = 200;
    /** Enrichments per round and set: a round of a set takes a second or two. */
    private static final int PER_ROUND = 200;

    private record Page(String name, RawArticle raw) {
    }

    @Test
    void wholeChainPagesPerCore() throws IOException {
        Path shared = Articles.sharedDir();
        Path seedDir = shared.resolve("fixtures/seed");
        Path pages = shared.resolve("eval/extraction-readability/pages");
        long loadStart = System.nanoTime();
        EnrichmentChain chain = EnrichmentChain.core(LanguageIdentifier.preloaded())
                .addAll(Tagging.load().stages(new InMemoryNearDuplicateIndex()))
                .build();
        System.out.printf(Locale.ROOT, "load: %.0f ms, heap used after load %d MB (language models, NER models,"
                + " gazetteer, topics)%n", (System.nanoTime() - loadStart) / 1e6, usedMegabytes());

        List<Page> japanese = List.of(
                page("seed", "text/plain", seedDir.resolve("kangnamtimes-us-china-dpct.txt")),
                page("hukumusume", "text/html", pages.resolve("hukumusume/source.html")));
        List<Page> english = List.of(
                page("daringfireball-1", "text/html", pages.resolve("daringfireball-1/source.html")),
                page("001", "text/html", pages.resolve("001/source.html")),
                page("table-style-attributes", "text/html", pages.resolve("table-style-attributes/source.html")));
        // Some knowledge loads on the first article that needs it (the taggers' dictionaries): the
        // heap the service needs is the one after an article of each language.
        chain.apply(ArticleDraft.of(japanese.get(0).raw()));
        chain.apply(ArticleDraft.of(english.get(0).raw()));
        System.out.printf(Locale.ROOT, "heap used after a first Japanese and English page %d MB%n", usedMegabytes());
        List<String> sets = List.of(System.getProperty("bench.sets", "ja-pages,en-pages,ja-text,en-text").split(","));
        if (sets.contains("ja-pages")) {
            run(chain, "ja pages", japanese);
        }
        if (sets.contains("en-pages")) {
            run(chain, "en pages", english);
        }

        JsonNode seed = new ObjectMapper().readTree(seedDir.resolve("expected.json").toFile());
        List<String> japaneseParagraphs = new ArrayList<>();
        seed.get("body_paragraphs").forEach(p -> japaneseParagraphs.add(p.asText()));
        List<String> englishParagraphs = new ArrayList<>();
        try (InputStream in = ChainBenchmark.class.getResourceAsStream(
                "/dev/newswire/enrich/topics/us-china-military-dialogue-set.yml")) {
            new ObjectMapper(new YAMLFactory()).readTree(in).get("articles").forEach(a -> {
                if (a.get("lang").asText().equals("en")) {
                    englishParagraphs.add(a.get("body").asText());
                }
            });
        }
        if (sets.contains("ja-text")) {
            run(chain, "ja clean text", cleanTexts("ja", seed.get("title").asText(), japaneseParagraphs));
        }
        if (sets.contains("en-text")) {
            run(chain, "en clean text", cleanTexts("en", "Hegseth and Dong Jun agree to keep military channels open",
                    englishParagraphs));
        }
        System.out.printf(Locale.ROOT, "heap used after the runs %d MB%n", usedMegabytes());
    }

    private static void run(EnrichmentChain chain, String set, List<Page> inputs) {
        List<EnrichmentStage> stages = chain.stages();
        describe(chain, set, inputs);
        // CPU time, not wall time: "per core", and fair on a machine that other work shares. The
        // first rounds warm the JIT up; of the others the fastest is printed, the one least
        // disturbed by other processes on the shared cores.
        CpuClock cpu = new CpuClock();
        // [page][stage], and the page's whole time (with the event built at the end) in the last column
        long[][] nanos = new long[inputs.size()][stages.size() + 1];
        long[][] best = null;
        long bestNanos = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            for (long[] page : nanos) {
                Arrays.fill(page, 0);
            }
            cpu.findPoolWorkers();
            long start = cpu.now();
            for (int i = 0; i < PER_ROUND; i++) {
                int p = i % inputs.size();
                long pageStart = cpu.now();
                ArticleDraft draft = ArticleDraft.of(inputs.get(p).raw());
                for (int s = 0; s < stages.size(); s++) {
                    long t = cpu.now();
                    draft = stages.get(s).apply(draft);
                    nanos[p][s] += cpu.now() - t;
                }
                draft.toEnriched(Instant.EPOCH, EnrichmentChain.VERSION);
                nanos[p][stages.size()] += cpu.now() - pageStart;
            }
            long roundNanos = cpu.now() - start;
            if (round >= WARM_UP && roundNanos < bestNanos) {
                bestNanos = roundNanos;
                best = Arrays.stream(nanos).map(long[]::clone).toArray(long[][]::new);
            }
        }
        double seconds = bestNanos / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d enrichments in %.2f s of CPU = %.0f pages/s per core"
                + " (fastest of %d rounds after %d of warm-up)%n", set, PER_ROUND, seconds, PER_ROUND / seconds,
                ROUNDS - WARM_UP, WARM_UP);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-28s", "ms per page"));
        for (EnrichmentStage stage : stages) {
            header.append(String.format(Locale.ROOT, " %11s", stageName(stage)));
        }
        System.out.println(header.append("        all"));
        long[] all = new long[stages.size() + 1];
        for (long[] page : best) {
            for (int s = 0; s < all.length; s++) {
                all[s] += page[s];
            }
        }
        System.out.println(row("mean", all, PER_ROUND, ""));
        if (inputs.size() > 1 && inputs.size() <= 5) {
            for (int p = 0; p < inputs.size(); p++) {
                int times = (PER_ROUND - p + inputs.size() - 1) / inputs.size();
                double ms = best[p][stages.size()] / 1e6 / times;
                System.out.println(row(inputs.get(p).name(), best[p], times,
                        String.format(Locale.ROOT, " = %.0f pages/s per core", 1000 / ms)));
            }
        }
    }

    /**
     * CPU time of this thread plus that of the common fork-join pool's workers: Lingua, in the
     * language stage, scores its language models there in parallel, and that work is the chain's
     * too. (The JVM's own threads, the garbage collector and the JIT compilers, are not counted.)
     */
    private static final class CpuClock {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private long[] poolWorkers = new long[0];

        /** The pool starts and stops its workers as work comes: looked up again before each round. */
        void findPoolWorkers() {
            poolWorkers = Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds(), 0))
                    .filter(info -> info != null && info.getThreadName().startsWith("ForkJoinPool.commonPool-worker"))
                    .mapToLong(ThreadInfo::getThreadId).toArray();
        }

        long now() {
            long total = threads.getCurrentThreadCpuTime();
            for (long worker : poolWorkers) {
                total += Math.max(0, threads.getThreadCpuTime(worker));
            }
            return total;
        }
    }

    private static String row(String name, long[] nanos, int times, String tail) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-28s", name));
        for (long n : nanos) {
            line.append(String.format(Locale.ROOT, " %11.2f", n / 1e6 / times));
        }
        return line.append(tail).toString();
    }

    /** What the chain makes of each input, so a figure can be read against what was tagged. */
    private static void describe(EnrichmentChain chain, String set, List<Page> inputs) {
        long bytes = 0;
        long bodyBytes = 0;
        for (Page page : inputs) {
            ArticleDraft done = chain.apply(ArticleDraft.of(page.raw()));
            int in = utf8(page.raw().content());
            int body = utf8(done.body());
            bytes += in;
            bodyBytes += body;
            if (inputs.size() <= 5) {
                System.out.printf(Locale.ROOT, "%s %s: %s, %.1f KB in, %.1f KB of body, language %s, %d entities,"
                                + " %d topics%n", set, page.name(), page.raw().contentType(), in / 1024.0, body / 1024.0,
                        done.language(), done.entities().size(), done.topics().size());
            }
        }
        if (inputs.size() > 5) {
            System.out.printf(Locale.ROOT, "%s: %d texts, %.1f KB in and %.1f KB of body on average%n", set,
                    inputs.size(), bytes / 1024.0 / inputs.size(), bodyBytes / 1024.0 / inputs.size());
        }
    }

    /** Texts of about 10 KB of article paragraphs, each starting at another paragraph, under a title. */
    private static List<Page> cleanTexts(String language, String title, List<String> paragraphs) {
        List<Page> texts = new ArrayList<>();
        for (int a = 0; a < CLEAN_TEXTS; a++) {
            StringBuilder text = new StringBuilder(title).append("\n\n");
            int p = a;
            while (utf8(text) < CLEAN_TEXT_BYTES) {
                text.append(paragraphs.get(p++ % paragraphs.size())).append("\n\n");
            }
            String id = "clean-" + language + a;
            texts.add(new Page(id, raw(id, "text/plain", text.toString().strip())));
        }
        return texts;
    }

    private static Page page(String name, String contentType, Path file) throws IOException {
        return new Page(name, raw(file.toString(), contentType, Files.readString(file, StandardCharsets.UTF_8)));
    }

    private static RawArticle raw(String id, String contentType, String content) {
        return new RawArticle(id, null, null, "bench", null, Instant.parse("2025-12-18T00:00:00Z"), null, contentType,
                content, null, null, null, IngestMethod.PAGE);
    }

    private static String stageName(EnrichmentStage stage) {
        return switch (stage.getClass().getSimpleName()) {
            case "ExtractionStage" -> "extraction";
            case "LanguageStage" -> "language";
            case "EntityStage" -> "entities";
            case "TopicStage" -> "topics";
            case "KeywordStage" -> "keywords";
            case "SimHashStage" -> "simhash";
            default -> stage.getClass().getSimpleName();
        };
    }

    private static int utf8(CharSequence text) {
        return text == null ? 0 : text.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static long usedMegabytes() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
