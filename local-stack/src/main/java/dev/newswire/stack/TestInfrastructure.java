package dev.newswire.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The one entry point of the integration tests for Kafka and Elasticsearch.
 *
 * <p>Endpoints come from the environment ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code ELASTICSEARCH_URL})
 * when set; else from Testcontainers on the locally built images when {@link Containers} says so
 * ({@code newswire.infrastructure}: {@code auto}, {@code containers} or {@code embedded}); else from real
 * servers started here as child processes. Each is started once per JVM, on free ports, on first use,
 * and stopped when the JVM exits.
 */
public final class TestInfrastructure {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(
            Long.getLong("newswire.start.timeout.seconds", 120));

    private static String kafka;
    private static String elasticsearch;
    private static Path workDir;

    private TestInfrastructure() {
    }

    /** Bootstrap servers of a running Kafka broker, e.g. {@code 127.0.0.1:40123}. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = fromEnvironment("KAFKA_BOOTSTRAP_SERVERS");
            if (kafka == null && Containers.usable()) {
                long started = System.nanoTime();
                kafka = Containers.kafka();
                log("Kafka container " + kafka + " ready in " + millisSince(started) + " ms");
            }
            if (kafka == null) {
                long started = System.nanoTime();
                KafkaServer server = new KafkaServer(Ports.free(), Ports.free(), workDir().resolve("kafka"), "512m");
                server.start(StackArtifacts.load(), false, START_TIMEOUT);
                kafka = server.bootstrapServers();
                log("Kafka " + kafka + " ready in " + millisSince(started) + " ms (log: " + server.logFile() + ")");
            }
        }
        return kafka;
    }

    /** Base URL of a running Elasticsearch, e.g. {@code http://127.0.0.1:40124}. */
    public static synchronized String elasticsearchUrl() {
        if (elasticsearch == null) {
            elasticsearch = fromEnvironment("ELASTICSEARCH_URL");
            if (elasticsearch == null && Containers.usable()) {
                long started = System.nanoTime();
                elasticsearch = Containers.elasticsearch();
                log("Elasticsearch container " + elasticsearch + " ready in " + millisSince(started) + " ms");
            }
            if (elasticsearch == null) {
                long started = System.nanoTime();
                ElasticsearchServer server = new ElasticsearchServer(Ports.free(), Ports.free(),
                        workDir().resolve("elasticsearch"), distRoot(), "512m");
                server.start(StackArtifacts.load(), false, START_TIMEOUT);
                elasticsearch = server.url();
                log("Elasticsearch " + elasticsearch + " ready in " + millisSince(started) + " ms (log: "
                        + server.logFile() + ")");
            }
        }
        return elasticsearch;
    }

    private static String fromEnvironment(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Per-JVM scratch space under the system temp dir (world-searchable, so nobody can run Elasticsearch there). */
    private static Path workDir() {
        if (workDir == null) {
            try {
                workDir = Files.createTempDirectory("newswire-it-");
                workDir.toFile().setReadable(true, false);
                workDir.toFile().setExecutable(true, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path dir = workDir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Posix.deleteTree(dir),
                    "delete-" + dir.getFileName()));
        }
        return workDir;
    }

    /**
     * The unpacked distribution is cached across runs: under {@code newswire.home} (the repository's
     * {@code .newswire/}) when Elasticsearch's user can reach it, else under the system temp dir.
     */
    private static Path distRoot() {
        String home = System.getProperty("newswire.home");
        if (home != null && Posix.reachableByOthers(Path.of(home).getParent())) {
            return Path.of(home, "dist");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "newswire-dist");
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void log(String message) {
        System.err.println("[newswire test infrastructure] " + message);
    }
}
