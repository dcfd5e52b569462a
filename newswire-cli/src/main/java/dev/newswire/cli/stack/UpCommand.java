package dev.newswire.cli.stack;

import dev.newswire.stack.ManagedProcess;
import dev.newswire.stack.StackException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newswire up}: starts Kafka, Elasticsearch and the three services, and waits until all are healthy. */
@Command(name = "up", description = "Start Kafka, Elasticsearch and the services in the background; wait until all are healthy.")
public final class UpCommand implements Callable<Integer> {

    @Option(names = "--no-sample", description = "Do not load the bundled sample articles.")
    boolean noSample;

    @Option(names = "--timeout", defaultValue = "180", description = "Seconds to wait for each part (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--search-port", description = "Search API port (default 8080).")
    Integer searchPort;

    @Option(names = "--ingest-port", description = "Ingest API port (default 8081).")
    Integer ingestPort;

    @Option(names = "--enrich-port", description = "Enrich service management port (default 8082).")
    Integer enrichPort;

    @Option(names = "--kafka-port", description = "Kafka port (default 9092; the controller takes the next one).")
    Integer kafkaPort;

    @Option(names = "--elasticsearch-port", description = "Elasticsearch port (default 9200; transport takes +100).")
    Integer elasticsearchPort;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StackLayout layout = StackLayout.current();
        layout = layout.withPorts(ports(layout.ports()));
        layout.savePorts();
        layout.apiKey();
        LocalStack stack = new LocalStack(layout);
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        long started = System.nanoTime();
        try {
            startAll(stack, stack.infrastructure(), timeout, out);
            startAll(stack, stack.services(), timeout, out);
        } catch (StackException e) {
            err.println("newswire up failed: " + e.getMessage());
            err.println("Parts that did start keep running; './newswire down' stops them.");
            return 1;
        }
        if (!noSample) {
            try {
                long t0 = System.nanoTime();
                int loaded = new SampleLoader(layout).load(out, timeout);
                out.printf("  sample          %d articles searchable in %.1f s%n", loaded, (System.nanoTime() - t0) / 1e9);
            } catch (StackException | java.io.IOException e) {
                err.println("newswire up: the stack is up, but loading the sample failed: " + e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        out.printf("Newswire is up (%.1f s):%n", (System.nanoTime() - started) / 1e9);
        for (Part part : stack.all()) {
            out.printf("  %-15s %s%n", part.name(), part.url());
        }
        out.println("  API key:        " + layout.apiKeyFile() + " (header X-API-Key)");
        out.println("  logs:           " + layout.logDir());
        if (!noSample) {
            out.println("Try:");
            SampleLoader.exampleQueries().forEach(q -> out.println("  " + q));
        }
        out.flush();
        return 0;
    }

    /** Starts the parts in parallel (they do not depend on each other), each at most once. */
    private static void startAll(LocalStack stack, List<Part> parts, Duration timeout, PrintWriter out) {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (Part part : parts) {
            starts.add(CompletableFuture.runAsync(() -> ensureRunning(stack, part, timeout, out)));
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

    private static void ensureRunning(LocalStack stack, Part part, Duration timeout, PrintWriter out) {
        long t0 = System.nanoTime();
        var running = stack.running(part);
        if (running.isPresent()) {
            running.get().awaitReady(part::healthy, timeout);
            synchronized (out) {
                out.printf("  %-15s already running (pid %d)%n", part.name(), running.get().pid());
                out.flush();
            }
            return;
        }
        stack.forget(part);
        ManagedProcess process = part.start(timeout);
        stack.recordStarted(part, process);
        synchronized (out) {
            out.printf("  %-15s started in %.1f s (pid %d)%n", part.name(), (System.nanoTime() - t0) / 1e9,
                    process.pid());
            out.flush();
        }
    }

    private StackLayout.Ports ports(StackLayout.Ports recorded) {
        int kafka = kafkaPort != null ? kafkaPort : recorded.kafka();
        int es = elasticsearchPort != null ? elasticsearchPort : recorded.elasticsearch();
        return new StackLayout.Ports(
                searchPort != null ? searchPort : recorded.search(),
                ingestPort != null ? ingestPort : recorded.ingest(),
                enrichPort != null ? enrichPort : recorded.enrich(),
                kafka, kafkaPort != null ? kafka + 1 : recorded.kafkaController(),
                es, elasticsearchPort != null ? es + 100 : recorded.elasticsearchTransport());
    }
}
