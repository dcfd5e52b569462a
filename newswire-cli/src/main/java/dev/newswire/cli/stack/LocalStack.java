package dev.newswire.cli.stack;

import dev.newswire.stack.JavaService;
import dev.newswire.stack.ManagedProcess;
import dev.newswire.stack.StackException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The parts of the local stack in start order, and the pid files that let a later CLI run find the
 * processes an earlier {@code up} started.
 */
public final class LocalStack {

    private final StackLayout layout;
    private final List<Part> infrastructure;
    private final List<Part> services;

    public LocalStack(StackLayout layout) {
        this(layout, Map.of());
    }

    /**
     * A stack whose ingest-service gets {@code ingestEnvironment} on top of its own settings (the fault
     * suite lets it fetch from a local test site this way).
     */
    public LocalStack(StackLayout layout, Map<String, String> ingestEnvironment) {
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
                        with(withApiKey(env("SERVER_PORT", ports.ingest(), kafka, elasticsearch)), ingestEnvironment)));
    }

    public StackLayout layout() {
        return layout;
    }

    List<Part> infrastructure() {
        return infrastructure;
    }

    List<Part> services() {
        return services;
    }

    public List<Part> all() {
        return java.util.stream.Stream.concat(infrastructure.stream(), services.stream()).toList();
    }

    /** The part named {@code name} ({@code kafka}, {@code elasticsearch} or a service's module name). */
    public Part part(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part named " + name));
    }

    /**
     * Starts whatever is not running yet, Kafka and Elasticsearch first, then the services; each group in
     * parallel (they do not depend on each other), and waits until all are healthy.
     */
    public void up(Duration timeout, PrintWriter out) {
        startAll(infrastructure, timeout, out);
        startAll(services, timeout, out);
    }

    /** Starts {@code part} (which must not be running), waits until it is healthy and records its pid. */
    public ManagedProcess start(Part part, Duration timeout) {
        forget(part);
        ManagedProcess process = part.start(timeout);
        recordStarted(part, process);
        return process;
    }

    private void startAll(List<Part> parts, Duration timeout, PrintWriter out) {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (Part part : parts) {
            starts.add(CompletableFuture.runAsync(() -> ensureRunning(part, timeout, out)));
        }
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StackException stackException) {
                throw stackException;
            }
            throw new StackException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    private void ensureRunning(Part part, Duration timeout, PrintWriter out) {
        long t0 = System.nanoTime();
        var alreadyRunning = running(part);
        if (alreadyRunning.isPresent()) {
            alreadyRunning.get().awaitReady(part::healthy, timeout);
            synchronized (out) {
                out.printf("  %-15s already running (pid %d)%n", part.name(), alreadyRunning.get().pid());
                out.flush();
            }
            return;
        }
        ManagedProcess process = start(part, timeout);
        synchronized (out) {
            out.printf("  %-15s started in %.1f s (pid %d)%n", part.name(), (System.nanoTime() - t0) / 1e9,
                    process.pid());
            out.flush();
        }
    }

    /** Stops every part that runs, services first; returns how many did. */
    public int stopAll(PrintWriter out) {
        List<Part> parts = new ArrayList<>(all());
        java.util.Collections.reverse(parts);
        int stopped = 0;
        for (Part part : parts) {
            var process = running(part);
            if (process.isPresent()) {
                long t0 = System.nanoTime();
                // Kafka and Elasticsearch flush on SIGTERM; give them time before SIGKILL.
                process.get().stop(Duration.ofSeconds(45));
                out.printf("  %-15s stopped in %.1f s (pid %d)%n", part.name(), (System.nanoTime() - t0) / 1e9,
                        process.get().pid());
                out.flush();
                stopped++;
            }
            forget(part);
        }
        return stopped;
    }

    /** The process an earlier {@code up} started for {@code part}, if it is still alive. */
    public Optional<ManagedProcess> running(Part part) {
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

    private static Map<String, String> with(Map<String, String> env, Map<String, String> extra) {
        env.putAll(extra);
        return env;
    }

    private Map<String, String> withApiKey(Map<String, String> env) {
        env.put("NEWSWIRE_API_KEY", layout.apiKey());
        return env;
    }
}
