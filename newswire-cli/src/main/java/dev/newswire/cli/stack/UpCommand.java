package dev.newswire.cli.stack;

import dev.newswire.stack.StackException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    PortOptions portOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StackLayout layout = StackLayout.current();
        layout = layout.withPorts(portOptions.apply(layout.ports()));
        layout.savePorts();
        layout.apiKey();
        LocalStack stack = new LocalStack(layout);
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        long started = System.nanoTime();
        try {
            stack.up(timeout, out);
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
}
