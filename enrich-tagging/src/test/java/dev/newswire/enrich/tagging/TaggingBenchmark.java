package dev.newswire.enrich.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newswire.enrich.ArticleDraft;
import dev.newswire.enrich.EnrichmentStage;
import dev.newswire.enrich.dedup.InMemoryNearDuplicateIndex;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of the tagging stages on one thread, on texts of about 10 KB (UTF-8): Japanese built
 * from the seed article's paragraphs, English from the topic test set. Not a unit test (surefire
 * does not run it); run it with
 * <pre>mvn -B -q -pl enrich-tagging test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.newswire.enrich.tagging.TaggingBenchmark</pre>
 * It prints articles per second per core for each language and the time of each stage.
 */
public final class TaggingBenchmark {

    private static final int SIZE = 10 * 1024;
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 8;

    private TaggingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long loadStart = System.nanoTime();
        Tagging tagging = Tagging.load();
        System.out.printf(Locale.ROOT, "load: %.0f ms, heap used after load %d MB%n",
                (System.nanoTime() - loadStart) / 1e6, usedMegabytes());
        Path shared = Path.of(System.getProperty("newswire.shared.dir", "../shared"));
        JsonNode seed = new ObjectMapper().readTree(shared.resolve("fixtures/seed/expected.json").toFile());
        List<String> japanese = new ArrayList<>();
        seed.get("body_paragraphs").forEach(p -> japanese.add(p.asText()));
        List<String> english = new ArrayList<>();
        try (InputStream in = TaggingBenchmark.class.getResourceAsStream(
                "/dev/newswire/enrich/topics/us-china-military-dialogue-set.yml")) {
            new ObjectMapper(new YAMLFactory()).readTree(in).get("articles").forEach(a -> {
                if (a.get("lang").asText().equals("en")) {
                    english.add(a.get("body").asText());
                }
            });
        }
        run(tagging, "ja", seed.get("title").asText(), japanese);
        run(tagging, "en", "Hegseth and Dong Jun agree to keep military channels open", english);
    }

    private static void run(Tagging tagging, String language, String title, List<String> paragraphs) {
        List<ArticleDraft> articles = new ArrayList<>();
        for (int a = 0; a < 200; a++) {
            StringBuilder body = new StringBuilder();
            int p = a;
            while (body.toString().getBytes(StandardCharsets.UTF_8).length < SIZE) {
                body.append(paragraphs.get(p++ % paragraphs.size())).append("\n\n");
            }
            articles.add(Articles.draft("bench-" + language + a, language, title, body.toString().strip()));
        }
        List<EnrichmentStage> stages = tagging.stages(new InMemoryNearDuplicateIndex());
        // CPU time of this thread: "per core", and fair on a machine that other work shares. The
        // first rounds warm the JIT up; of the others the fastest is printed, the one least
        // disturbed by other processes on the shared cores.
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[stages.size()];
        long[] bestNanos = null;
        double bestSeconds = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            java.util.Arrays.fill(nanos, 0);
            long start = cpu.getCurrentThreadCpuTime();
            for (ArticleDraft article : articles) {
                ArticleDraft draft = article;
                for (int s = 0; s < stages.size(); s++) {
                    long t = cpu.getCurrentThreadCpuTime();
                    draft = stages.get(s).apply(draft);
                    nanos[s] += cpu.getCurrentThreadCpuTime() - t;
                }
            }
            double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
            if (round >= WARM_UP && seconds < bestSeconds) {
                bestSeconds = seconds;
                bestNanos = nanos.clone();
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d articles of ~%d KB in %.2f s of CPU = %.0f articles/s per core"
                + " (fastest of %d rounds after %d of warm-up)%n", language, articles.size(), SIZE / 1024, bestSeconds,
                articles.size() / bestSeconds, ROUNDS - WARM_UP, WARM_UP);
        String[] names = {"entities", "topics", "keywords+summary", "simhash"};
        for (int s = 0; s < stages.size(); s++) {
            System.out.printf(Locale.ROOT, "  %-17s %.2f ms/article%n", names[s], bestNanos[s] / 1e6 / articles.size());
        }
    }

    private static long usedMegabytes() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
