package dev.newswire.enrich;

import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Articles per second on one core through the offline chain (extraction, then language), on inputs
 * from ../shared: the seed text dump; two real pages of about 10 KB of HTML ({@code 001} 12 KB,
 * {@code daringfireball-1} 10 KB); a large real news page ({@code nytimes-1}, 300 KB); and
 * {@code all-pages}, every page of the extraction evaluation set in turn (12 KB to 1.2 MB, median
 * about 130 KB). One thread, so the score is per core. A JMH benchmark, run as the repository's benchmarks
 * are (root README): {@code mvn -B -Pbench -pl enrich-core -am verify -Dit.test=EnrichmentChainBenchmark}, with
 * JMH's options in {@code -Djmh.args} (default {@code -f 1 -wi 3 -w 2s -i 5 -r 2s}; e.g. {@code -p page=seed}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class EnrichmentChainBenchmark {

    @Param({"seed", "001", "daringfireball-1", "nytimes-1", "all-pages"})
    public String page;

    private EnrichmentChain chain;
    private List<RawArticle> articles;
    private int next;

    /** Runs this class's JMH benchmark in a JVM of its own and prints JMH's report. */
    @Test
    void articlesPerSecondPerCore() throws Exception {
        Path shared = sharedDir().toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(shared.resolve("eval")), "../shared is absent: " + shared);
        String[] args = System.getProperty("jmh.args", "-f 1 -wi 3 -w 2s -i 5 -r 2s").trim().split("\\s+");
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(EnrichmentChainBenchmark.class.getName())
                .jvmArgsAppend("-Xmx1g", "-Dnewswire.shared.dir=" + shared)
                .build();
        new Runner(options).run();
    }

    private static Path sharedDir() {
        return Path.of(System.getProperty("newswire.shared.dir", "../../shared"));
    }

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path shared = sharedDir();
        Path pages = shared.resolve("eval/extraction-readability/pages");
        articles = new ArrayList<>();
        switch (page) {
            case "seed" -> articles.add(raw("text/plain",
                    shared.resolve("fixtures/seed/kangnamtimes-us-china-dpct.txt")));
            case "all-pages" -> {
                try (Stream<Path> dirs = Files.list(pages)) {
                    dirs.sorted().map(d -> d.resolve("source.html")).filter(Files::exists)
                            .forEach(p -> articles.add(raw("text/html", p)));
                }
            }
            default -> articles.add(raw("text/html", pages.resolve(page).resolve("source.html")));
        }
        chain = EnrichmentChain.core().build();
        articles.forEach(this::enrichQuietly);
    }

    @TearDown(Level.Trial)
    public void report() {
        long bytes = articles.stream().mapToLong(a -> a.content().length()).sum();
        System.out.printf("%n[%s: %d article(s), %d chars of input on average]%n", page, articles.size(),
                bytes / articles.size());
    }

    @Benchmark
    public Object enrich() {
        RawArticle raw = articles.get(next);
        next = (next + 1) % articles.size();
        return enrichQuietly(raw);
    }

    private Object enrichQuietly(RawArticle raw) {
        try {
            return chain.enrich(raw);
        } catch (RuntimeException e) {
            // A page with no article (an edge case of the set) costs its extraction all the same.
            return e;
        }
    }

    private static RawArticle raw(String contentType, Path file) {
        try {
            return new RawArticle(file.toString(), "http://fakehost/test/page.html", null, "bench", null,
                    Instant.now(), null, contentType, Files.readString(file, StandardCharsets.UTF_8), null, null,
                    null, IngestMethod.PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
