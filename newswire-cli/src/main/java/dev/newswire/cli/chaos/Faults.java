package dev.newswire.cli.chaos;

import dev.newswire.cli.stack.LocalStack;
import dev.newswire.cli.stack.Part;
import dev.newswire.model.Topics;
import dev.newswire.stack.ManagedProcess;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The faults, struck one after another while the load runs: SIGKILL to the enrich-service and to the
 * search-service, Elasticsearch stopped for 30 s, the Kafka broker restarted. Each part is brought back
 * through the stack's own machinery (its pid file, its start and health check), and a fault counts as
 * recovered when the stages it hit make progress again, or have nothing left to do (lag 0): the enrichment
 * writes to {@code news.enriched.v1} again (its commits come only every poll's worth of records), the indexer
 * commits past where it stood when the fault struck (it commits after every bulk request).
 */
final class Faults {

    /** How long Elasticsearch stays down. */
    static final Duration ELASTICSEARCH_OUTAGE = Duration.ofSeconds(30);

    /**
     * One fault and how long it took.
     *
     * @param fault       what was done
     * @param downSeconds from the fault until the part answered its health check again
     * @param recoverySeconds from the fault until the stage behind it made progress again
     * @param recovered   whether it did within the bound
     * @param detail      what recovery meant here, or what went wrong
     */
    record Result(String fault, double downSeconds, double recoverySeconds, boolean recovered, String detail) {
    }

    private final LocalStack stack;
    private final Pipeline pipeline;
    private final Load load;
    private final Duration startTimeout;
    private final Duration recoveryTimeout;
    private final PrintWriter log;

    Faults(LocalStack stack, Pipeline pipeline, Load load, Duration startTimeout, Duration recoveryTimeout, PrintWriter log) {
        this.stack = stack;
        this.pipeline = pipeline;
        this.load = load;
        this.startTimeout = startTimeout;
        this.recoveryTimeout = recoveryTimeout;
        this.log = log;
    }

    /** The faults in the order they strike. */
    static List<String> names() {
        return List.of("SIGKILL enrich-service", "SIGKILL search-service", "Elasticsearch stopped 30 s",
                "Kafka broker restarted");
    }

    Result strike(int index) {
        return switch (index) {
            case 0 -> kill("enrich-service", List.of(Topics.ENRICH_GROUP));
            case 1 -> kill("search-service", List.of(Topics.INDEXER_GROUP));
            case 2 -> elasticsearchOutage();
            case 3 -> kafkaRestart();
            default -> throw new IllegalArgumentException("no fault " + index);
        };
    }

    private Result kill(String name, List<String> groups) {
        String fault = "SIGKILL " + name;
        Part part = stack.part(name);
        long t0 = System.nanoTime();
        ManagedProcess process = stack.running(part).orElse(null);
        if (process == null) {
            return new Result(fault, 0, 0, false, name + " was not running");
        }
        List<ProcessHandle> tree = new ArrayList<>(ProcessHandle.of(process.pid()).map(h -> h.descendants().toList())
                .orElse(List.of()));
        ProcessHandle.of(process.pid()).ifPresent(tree::add);
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(h -> h.onExit().join());
        // Read once it is dead: whatever moves from here on is the new process's work.
        Map<String, Long> before = committed(groups);
        say("%s: killed pid %d", fault, process.pid());
        return bringBack(fault, part, groups, before, t0);
    }

    private Result elasticsearchOutage() {
        String fault = "Elasticsearch stopped " + ELASTICSEARCH_OUTAGE.toSeconds() + " s";
        Part part = stack.part("elasticsearch");
        List<String> groups = List.of(Topics.INDEXER_GROUP);
        Map<String, Long> before = committed(groups);
        long t0 = System.nanoTime();
        stack.running(part).ifPresent(p -> p.stop(Duration.ofSeconds(45)));
        say("%s: stopped in %.1f s", fault, (System.nanoTime() - t0) / 1e9);
        sleepUntil(t0 + ELASTICSEARCH_OUTAGE.toNanos());
        return bringBack(fault, part, groups, before, t0);
    }

    private Result kafkaRestart() {
        String fault = "Kafka broker restarted";
        Part part = stack.part("kafka");
        List<String> groups = List.of(Topics.ENRICH_GROUP, Topics.INDEXER_GROUP);
        Map<String, Long> before = committed(groups);
        long t0 = System.nanoTime();
        stack.running(part).ifPresent(p -> p.stop(Duration.ofSeconds(60)));
        say("%s: stopped in %.1f s", fault, (System.nanoTime() - t0) / 1e9);
        Result result = bringBack(fault, part, groups, before, t0);
        if (!load.done() && result.recovered()) {
            // The ingest API must take articles again too.
            long deadline = System.nanoTime() + recoveryTimeout.toNanos();
            while (load.lastAckNanos() < t0 && !load.done() && System.nanoTime() < deadline) {
                sleepUntil(System.nanoTime() + 200_000_000L);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (load.lastAckNanos() < t0 && !load.done()) {
                return new Result(fault, result.downSeconds(), seconds, false, "the ingest API acknowledged nothing since");
            }
            return new Result(fault, result.downSeconds(), Math.max(seconds, result.recoverySeconds()), true,
                    result.detail() + ", ingest acknowledging again");
        }
        return result;
    }

    private Result bringBack(String fault, Part part, List<String> groups, Map<String, Long> before, long t0) {
        try {
            ManagedProcess process = stack.start(part, startTimeout);
            say("%s: %s healthy again (pid %d) after %.1f s", fault, part.name(), process.pid(), (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException e) {
            return new Result(fault, (System.nanoTime() - t0) / 1e9, 0, false, "restart failed: " + e.getMessage());
        }
        double down = (System.nanoTime() - t0) / 1e9;
        long deadline = System.nanoTime() + recoveryTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            String progress = progress(groups, before);
            if (progress != null) {
                double seconds = (System.nanoTime() - t0) / 1e9;
                say("%s: recovered after %.1f s (%s)", fault, seconds, progress);
                return new Result(fault, down, seconds, true, progress);
            }
            sleepUntil(System.nanoTime() + 250_000_000L);
        }
        return new Result(fault, down, (System.nanoTime() - t0) / 1e9, false,
                "no progress of " + groups + " within " + recoveryTimeout.toSeconds() + " s");
    }

    /** What shows that every group moved on since {@code before}, or null while one has not. */
    private String progress(List<String> groups, Map<String, Long> before) {
        Map<String, Long> lag = pipeline.lag();
        List<String> moved = new ArrayList<>();
        for (String group : groups) {
            long now = mark(group);
            if (now < 0 || lag.isEmpty()) {
                return null;
            }
            if (now > before.get(group)) {
                moved.add(group.equals(Topics.ENRICH_GROUP)
                        ? Topics.ENRICHED + " +" + (now - before.get(group))
                        : group + " committed +" + (now - before.get(group)));
            } else if (lag.getOrDefault(group, -1L) == 0) {
                moved.add(group + " lag 0");
            } else {
                return null;
            }
        }
        return String.join(", ", moved);
    }

    /** Where each group's progress stands: the enrichment's output, the indexer's commits. */
    private Map<String, Long> committed(List<String> groups) {
        Map<String, Long> c = new java.util.HashMap<>();
        groups.forEach(g -> c.put(g, Math.max(0, mark(g))));
        return c;
    }

    private long mark(String group) {
        return group.equals(Topics.ENRICH_GROUP) ? pipeline.endOffset(Topics.ENRICHED) : pipeline.committed(group);
    }

    private void say(String format, Object... args) {
        synchronized (log) {
            log.printf("  fault  " + format + "%n", args);
            log.flush();
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
