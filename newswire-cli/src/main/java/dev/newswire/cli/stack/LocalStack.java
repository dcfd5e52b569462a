package dev.newswire.cli.stack;

import dev.newswire.stack.JavaService;
import dev.newswire.stack.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of the local stack in start order, and the pid files that let a later CLI run find the
 * processes an earlier {@code up} started.
 */
final class LocalStack {

    private final StackLayout layout;
    private final List<Part> infrastructure;
    private final List<Part> services;

    LocalStack(StackLayout layout) {
        this.layout = layout;
        this.infrastructure = List.of(InfrastructurePart.kafka(layout), InfrastructurePart.elasticsearch(layout));
        StackLayout.Ports ports = layout.ports();
        String kafka = "127.0.0.1:" + ports.kafka();
        String elasticsearch = "http://127.0.0.1:" + ports.elasticsearch();
        this.services = List.of(
                service("search-service", ports.search(), "/health", "512m",
                        env("MICRONAUT_SERVER_PORT", ports.search(), kafka, elasticsearch)),
                service("enrich-service", ports.enrich(), "/actuator/health", "896m",
                        env("SERVER_PORT", ports.enrich(), kafka, elasticsearch)),
                service("ingest-service", ports.ingest(), "/actuator/health", "384m",
                        withApiKey(env("SERVER_PORT", ports.ingest(), kafka, elasticsearch))));
    }

    StackLayout layout() {
        return layout;
    }

    List<Part> infrastructure() {
        return infrastructure;
    }

    List<Part> services() {
        return services;
    }

    List<Part> all() {
        return java.util.stream.Stream.concat(infrastructure.stream(), services.stream()).toList();
    }

    /** The process an earlier {@code up} started for {@code part}, if it is still alive. */
    Optional<ManagedProcess> running(Part part) {
        Path pidFile = layout.pidFile(part.name());
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            String[] fields = Files.readString(pidFile).strip().split("\\s+");
            long pid = Long.parseLong(fields[0]);
            long startedMillis = fields.length > 1 ? Long.parseLong(fields[1]) : -1;
            return ManagedProcess.attach(part.name(), pid, layout.logDir().resolve(part.name() + ".log"))
                    .filter(p -> startedMillis < 0 || sameStart(pid, startedMillis));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void recordStarted(Part part, ManagedProcess process) {
        Path pidFile = layout.pidFile(part.name());
        long started = ProcessHandle.of(process.pid()).flatMap(h -> h.info().startInstant())
                .map(Instant::toEpochMilli).orElse(-1L);
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, process.pid() + " " + started + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void forget(Part part) {
        try {
            Files.deleteIfExists(layout.pidFile(part.name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Guards against a recycled pid: the process must have started when the recorded one did. */
    private static boolean sameStart(long pid, long startedMillis) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().startInstant())
                .map(i -> Math.abs(i.toEpochMilli() - startedMillis) < 2_000).orElse(true);
    }

    /** A module's executable jar, run as docker-compose.yml runs it. */
    private Part service(String module, int port, String healthPath, String heap, Map<String, String> env) {
        Path jar = layout.root().resolve(module).resolve("target").resolve(module + ".jar");
        return new ServicePart(new JavaService(module, jar, port, healthPath, heap, env, layout.logDir()));
    }

    private static Map<String, String> env(String portVariable, int port, String kafka, String elasticsearch) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(portVariable, String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("ELASTICSEARCH_URL", elasticsearch);
        return env;
    }

    private Map<String, String> withApiKey(Map<String, String> env) {
        env.put("NEWSWIRE_API_KEY", layout.apiKey());
        return env;
    }
}
