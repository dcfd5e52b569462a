package dev.newswire.e2e;

import dev.newswire.stack.JavaService;
import dev.newswire.stack.ManagedProcess;
import dev.newswire.stack.Ports;
import dev.newswire.stack.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The three services as built, each from its executable jar in a JVM of its own (as {@code ./newswire up}
 * and the compose file run them), on the test infrastructure's Kafka and Elasticsearch. Started once per
 * test JVM; stopped when it exits.
 */
final class RunningServices {

    static final String API_KEY = "e2e-" + UUID.randomUUID();

    private static RunningServices instance;

    final int searchPort = Ports.free();
    final int ingestPort = Ports.free();
    final int enrichPort = Ports.free();

    private RunningServices() {
    }

    static synchronized RunningServices get() {
        if (instance == null) {
            RunningServices services = new RunningServices();
            services.start();
            instance = services;
        }
        return instance;
    }

    String searchUrl() {
        return "http://127.0.0.1:" + searchPort;
    }

    String ingestUrl() {
        return "http://127.0.0.1:" + ingestPort;
    }

    private void start() {
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        String elasticsearch = TestInfrastructure.elasticsearchUrl();
        Path root = Path.of(System.getProperty("newswire.root", "..")).toAbsolutePath().normalize();
        Path logs;
        try {
            logs = Files.createTempDirectory("newswire-e2e-logs-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> common = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "ELASTICSEARCH_URL", elasticsearch);
        List<Thread> starts = List.of(
                start(root, logs, "search-service", "/health", "512m",
                        with(common, "MICRONAUT_SERVER_PORT", String.valueOf(searchPort)), searchPort),
                start(root, logs, "enrich-service", "/actuator/health", "896m",
                        with(common, "SERVER_PORT", String.valueOf(enrichPort)), enrichPort),
                start(root, logs, "ingest-service", "/actuator/health", "384m",
                        with(with(common, "SERVER_PORT", String.valueOf(ingestPort)), "NEWSWIRE_API_KEY", API_KEY),
                        ingestPort));
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        starts.forEach(t -> t.setUncaughtExceptionHandler((thread, e) -> failures.add(e)));
        starts.forEach(Thread::start);
        for (Thread t : starts) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("services did not start: " + failures, failures.get(0));
        }
    }

    private static Thread start(Path root, Path logs, String name, String healthPath, String heap,
                                Map<String, String> env, int port) {
        return new Thread(() -> {
            long t0 = System.nanoTime();
            Path jar = root.resolve(name).resolve("target").resolve(name + ".jar");
            ManagedProcess process = new JavaService(name, jar, port, healthPath, heap, env, logs)
                    .start(Duration.ofSeconds(180), false);
            System.err.printf("[e2e] %s healthy in %d ms (log: %s)%n", name, (System.nanoTime() - t0) / 1_000_000,
                    process.logFile());
        }, "start-" + name);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
