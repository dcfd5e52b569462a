package dev.newswire.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.ingest.support.RawTopicReader;
import dev.newswire.stack.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Push-API throughput into the real broker: N articles of 3 KB through {@code POST /api/v1/articles}, each
 * request answered only after Kafka acknowledged its articles, from C concurrent clients. Prints
 * articles/s for batches of B and for one article per request. Not a test of speed (nothing asserts a
 * figure); it runs only on demand:
 *
 * <pre>mvn -B -Pbench -pl ingest-service -am verify -Dit.test=IngestThroughputBenchmark [-Dbench.articles=20000 -Dbench.batch=50 -Dbench.clients=4]</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestThroughputBenchmark {

    private static final String KEY = "bench-key-" + UUID.randomUUID();
    private static final String WORDS = "harbour ferry minister summit talks dialogue defence trade market election "
            + "council budget energy climate report agency official statement week city government policy";

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("newswire.api.key", () -> KEY);
        registry.add("newswire.sources.polling-enabled", () -> "false");
        registry.add("newswire.api.rate-limit", () -> "1000000");
        registry.add("newswire.api.rate-burst", () -> "1000000");
    }

    @Test
    void pushApiThroughputIntoKafka() throws Exception {
        int articles = Integer.getInteger("bench.articles", 20_000);
        int batch = Integer.getInteger("bench.batch", 50);
        int clients = Integer.getInteger("bench.clients", 4);
        try (RawTopicReader topic = new RawTopicReader(TestInfrastructure.kafkaBootstrapServers())) {
            run(Math.min(2_000, articles), batch, clients); // warm-up: JIT, connections, producer batches

            Map<Integer, Long> before = topic.endOffsets();
            double batched = run(articles, batch, clients);
            double single = run(articles / 10, 1, clients);
            long written = topic.endOffsets().entrySet().stream()
                    .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();

            System.out.printf("%n[benchmark] push API -> Kafka (acks=all, idempotent), 3 KB articles, %d clients,"
                    + " %d cores%n", clients, Runtime.getRuntime().availableProcessors());
            System.out.printf("[benchmark]   batches of %d: %,d articles, %.0f articles/s%n", batch, articles, batched);
            System.out.printf("[benchmark]   one per request: %,d articles, %.0f articles/s%n", articles / 10, single);
            System.out.printf("[benchmark]   records written to news.raw.v1 meanwhile: %,d%n%n", written);
            assertThat(written).isEqualTo(articles + articles / 10);
        }
    }

    /** Pushes {@code total} articles in requests of {@code batch}, {@code clients} at a time; articles/s. */
    private double run(int total, int batch, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<Integer>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                int sent = 0;
                for (int from = next.getAndAdd(batch); from < total; from = next.getAndAdd(batch)) {
                    int size = Math.min(batch, total - from);
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/api/v1/articles"))
                            .header("Content-Type", "application/json").header("X-API-Key", KEY)
                            .POST(HttpRequest.BodyPublishers.ofString(body(size, batch == 1))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                    }
                    sent += size;
                }
                return sent;
            }));
        }
        int sent = 0;
        for (Future<Integer> f : results) {
            sent += f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return sent / seconds;
    }

    private static String body(int size, boolean single) {
        StringBuilder json = new StringBuilder(size * 3300);
        json.append(single ? "" : "[");
        for (int i = 0; i < size; i++) {
            json.append(i == 0 ? "" : ",").append("{\"url\":\"https://bench.example/").append(UUID.randomUUID())
                    .append("\",\"title\":\"Benchmark article\",\"source\":\"bench\",\"language\":\"en\","
                            + "\"publishedAt\":\"2025-11-26T06:00:00Z\",\"content\":\"").append(text(3 * 1024))
                    .append("\"}");
        }
        return json.append(single ? "" : "]").toString();
    }

    /** About {@code chars} characters of word salad: 3 KB of article-like text that does not compress to nothing. */
    private static String text(int chars) {
        String[] words = WORDS.split(" ");
        StringBuilder s = new StringBuilder(chars + 16);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (s.length() < chars) {
            s.append(words[random.nextInt(words.length)]).append(random.nextInt(10) == 0 ? ". " : " ");
        }
        return s.substring(0, chars);
    }
}
