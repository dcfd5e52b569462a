package dev.newswire.cli.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.cli.stack.LocalStack;
import dev.newswire.cli.stack.Part;
import dev.newswire.cli.stack.PortOptions;
import dev.newswire.cli.stack.StackLayout;
import dev.newswire.stack.StackException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newswire chaos}: the fault suite. Starts the local stack, pushes a load of real pages while it
 * kills and restarts its parts, checks that the index holds every acknowledged article exactly once with no
 * consumer lag left, then feeds it poison with a canary behind each, and prints what held.
 */
@Command(name = "chaos", description = {
        "The fault suite: a load of real pages while enrich-service and search-service are killed (SIGKILL),",
        "Elasticsearch is stopped for 30 s and Kafka is restarted; then poison inputs, each followed by a canary",
        "article that must be searchable within --canary-bound. Prints a table (or --json); exit 0 if all held.",
        "Starts its own stack (refuses to run on one that is already up); stops it at the end unless --keep-up."})
public final class ChaosCommand implements Callable<Integer> {

    /** The loopback address the hostile test site listens on, which the stack under test may fetch from. */
    static final String TEST_SITE_ADDRESS = "127.0.0.1/32";

    @Option(names = "--articles", defaultValue = "20000", description = "Articles of the load (default: ${DEFAULT-VALUE}; 0: no load, no faults).")
    int articles;

    @Option(names = "--batch", defaultValue = "20", description = "Articles per push (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--clients", defaultValue = "2", description = "Concurrent pushing clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--rate", defaultValue = "0", description = "Articles per second to push, 0 for as fast as the API takes them (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--no-faults", description = "Push the load without striking faults.")
    boolean noFaults;

    @Option(names = "--no-poison", description = "Skip the poison.")
    boolean noPoison;

    @Option(names = "--poison", description = "Only the poison whose name or kind contains this text.")
    String poisonFilter;

    @Option(names = "--canary-bound", defaultValue = "10", description = "Seconds within which a canary must be searchable (default: ${DEFAULT-VALUE}).")
    int canaryBoundSeconds;

    @Option(names = "--settle-timeout", description = "Seconds to wait for the load to be consumed (default: 600 + articles / 5).")
    Integer settleTimeoutSeconds;

    @Option(names = "--timeout", defaultValue = "300", description = "Seconds to wait for a part to start (default: ${DEFAULT-VALUE}).")
    int startTimeoutSeconds;

    @Option(names = "--shared", description = "The shared data directory with eval/ (the real pages, Japanese sentences); default: ../shared beside the checkout.")
    Path sharedDir;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--keep-up", description = "Leave the stack running at the end.")
    boolean keepUp;

    @Option(names = "--attach", description = "Run on the stack an earlier 'chaos --keep-up' left running.")
    boolean attach;

    @Mixin
    PortOptions portOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Progress goes to stderr with --json, so that stdout is the JSON alone.
        PrintWriter log = json ? err : out;
        StackLayout layout = StackLayout.current();
        layout = layout.withPorts(portOptions.apply(layout.ports()));
        LocalStack stack = new LocalStack(layout, Map.of(
                "NEWSWIRE_FETCH_ALLOWED_ADDRESSES", TEST_SITE_ADDRESS,
                // One test site serves every hostile response: no politeness pause between them.
                "NEWSWIRE_FETCH_MIN_HOST_INTERVAL", "0s",
                // Nor a long backoff after the failures it provokes on purpose.
                "NEWSWIRE_FETCH_INITIALBACKOFF", "1s",
                "NEWSWIRE_FETCH_MAXBACKOFF", "1s"));
        List<String> running = stack.all().stream().filter(p -> stack.running(p).isPresent()).map(Part::name).toList();
        if (!running.isEmpty() && !attach) {
            err.println("newswire chaos starts a stack of its own (its ingest-service may fetch from a test site on "
                    + TEST_SITE_ADDRESS + "), but " + running + " already run: './newswire down' first.");
            return 2;
        }
        Path shared = sharedDir != null ? sharedDir : layout.root().resolveSibling("shared");
        Pages pages = null;
        if (articles > 0) {
            pages = Pages.load(shared.resolve("eval"));
        }
        layout.savePorts();
        String key = layout.apiKey();
        Duration startTimeout = Duration.ofSeconds(startTimeoutSeconds);
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        log.printf("newswire chaos %s: starting the stack%n", runId);
        log.flush();
        try {
            stack.up(startTimeout, log);
        } catch (StackException e) {
            err.println("newswire chaos: the stack did not start: " + e.getMessage());
            stack.stopAll(log);
            return 1;
        }
        StackLayout.Ports ports = layout.ports();
        IngestApi api = new IngestApi(ports.ingest(), key);
        Index index = new Index(ports.search(), ports.elasticsearch());
        ChaosReport report;
        try (MemorySampler memory = new MemorySampler(stack);
             Pipeline pipeline = new Pipeline("127.0.0.1:" + ports.kafka())) {
            pipeline.watchDeadLetters(runId);
            ChaosReport.LoadResult load = null;
            List<Faults.Result> faults = new ArrayList<>();
            Map<String, Long> lagAfterLoad = Map.of();
            if (articles > 0) {
                memory.phase("load");
                load = runLoad(stack, api, index, pipeline, pages, runId, startTimeout, faults, log);
                lagAfterLoad = pipeline.lag();
            }
            List<PoisonPhase.Result> poisonResults = List.of();
            boolean stalled = false;
            if (!noPoison) {
                memory.phase("poison");
                try (TestSite site = new TestSite()) {
                    Poisons poisons = new Poisons(api, pipeline, site, runId, shared);
                    List<Poison> selected = poisons.all().stream().filter(p -> poisonFilter == null
                            || p.name().contains(poisonFilter) || p.kind().contains(poisonFilter)).toList();
                    log.printf("poison: %d inputs of %d kinds, a canary behind each%n", selected.size(),
                            selected.stream().map(Poison::kind).distinct().count());
                    log.flush();
                    PoisonPhase phase = new PoisonPhase(stack, api, pipeline, index, poisons, runId,
                            Duration.ofSeconds(canaryBoundSeconds), startTimeout, log);
                    poisonResults = phase.run(selected);
                    stalled = phase.stalled();
                }
            }
            // A stalled pipeline never gets its lag back to 0: no long wait for it then.
            Map<String, Long> lagAtEnd = awaitLagZero(pipeline, Duration.ofSeconds(stalled ? 10 : 120));
            Map<String, Map<String, Long>> peaks = new LinkedHashMap<>();
            if (articles > 0) {
                peaks.put("load", memory.peaks("load"));
            }
            if (!noPoison) {
                peaks.put("poison", memory.peaks("poison"));
            }
            report = new ChaosReport(load, faults, poisonResults, lagAfterLoad, lagAtEnd, peaks, canaryBoundSeconds,
                    ChaosReport.judge(load, faults, poisonResults, lagAfterLoad, lagAtEnd));
        } finally {
            if (!keepUp) {
                log.println("stopping the stack");
                stack.stopAll(log);
            }
        }
        if (json) {
            // The table for a reader of the log beside the JSON for a program.
            report.print(log);
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("passed", report.passed());
            root.put("summary", report.summary());
            root.put("poisonKinds", report.poisonKinds());
            root.put("poisonKindsHandled", report.poisonKindsHandled());
            root.setAll((ObjectNode) mapper.valueToTree(report));
            out.println(mapper.writeValueAsString(root));
            out.flush();
        } else {
            report.print(out);
        }
        return report.passed() ? 0 : 1;
    }

    private ChaosReport.LoadResult runLoad(LocalStack stack, IngestApi api, Index index, Pipeline pipeline, Pages pages,
                                           String runId, Duration startTimeout, List<Faults.Result> faults,
                                           PrintWriter log) throws Exception {
        log.printf("load: %d articles from %d real pages (%d KB on average), batches of %d, %d clients%s%n", articles,
                pages.size(), pages.averageBytes() / 1024, batch, clients, rate > 0 ? ", " + rate + " articles/s" : "");
        log.flush();
        Load load = new Load(api, pages, runId, articles, batch, rate, clients);
        int slices = Faults.names().size() + 1;
        if (!noFaults) {
            // Fault i strikes once slice i is acknowledged, while slice i + 1 is pushed; slice i + 2 waits for it.
            load.limit(slice(2, slices));
        }
        long t0 = System.nanoTime();
        load.start();
        Thread progress = Daemons.start("chaos-progress", () -> report(load, pipeline, log));
        if (!noFaults) {
            Faults strikes = new Faults(stack, pipeline, load, startTimeout, Duration.ofSeconds(300), log);
            List<String> names = Faults.names();
            for (int i = 0; i < names.size(); i++) {
                int due = slice(i + 1, slices);
                while (load.acknowledgedCount() < due && !load.done()) {
                    Thread.sleep(200);
                }
                faults.add(strikes.strike(i));
                load.limit(slice(i + 3, slices));
            }
        }
        load.await();
        log.printf("load: %d of %d acknowledged in %.0f s; waiting for every group's lag to be 0%n",
                load.acknowledgedCount(), articles, load.seconds());
        log.flush();
        int settleTimeout = settleTimeoutSeconds != null ? settleTimeoutSeconds : 600 + articles / 5;
        awaitLagZero(pipeline, Duration.ofSeconds(settleTimeout));
        double settled = (System.nanoTime() - t0) / 1e9;
        progress.interrupt();
        List<String> ids = load.acknowledged();
        Index.Count count = index.count(ids);
        int deadLettered = 0;
        List<String> examples = new ArrayList<>();
        for (String id : count.missing()) {
            Pipeline.DeadLetter letter = pipeline.deadLetter(id);
            if (letter != null) {
                deadLettered++;
            }
            if (examples.size() < 5) {
                examples.add("missing " + id + (letter != null ? ": " + letter.describe() : ""));
            }
        }
        for (String id : count.duplicated()) {
            if (examples.size() < 10) {
                examples.add("more than once: " + id);
            }
        }
        return new ChaosReport.LoadResult(articles, ids.size(), pages.averageBytes(), load.seconds(), settled,
                load.retries(), load.failures(), count.once(), count.missing().size(), count.duplicated().size(),
                deadLettered, examples);
    }

    /** The number of articles in the first {@code k} of {@code n} slices of the load. */
    private int slice(int k, int n) {
        return (int) ((long) articles * Math.min(k, n) / n);
    }

    /** Waits until both groups' lag is 0 (read twice, a second apart); returns the last lag read. */
    private static Map<String, Long> awaitLagZero(Pipeline pipeline, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> lag = pipeline.lag();
        int zeroReads = 0;
        while (System.nanoTime() < deadline) {
            lag = pipeline.lag();
            boolean zero = !lag.isEmpty() && lag.values().stream().allMatch(n -> n == 0);
            zeroReads = zero ? zeroReads + 1 : 0;
            if (zeroReads >= 2) {
                return lag;
            }
            Thread.sleep(1000);
        }
        return lag;
    }

    /** A line every 30 s: acknowledged, lag. */
    private static void report(Load load, Pipeline pipeline, PrintWriter log) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                return;
            }
            Map<String, Long> lag = pipeline.lag();
            synchronized (log) {
                log.printf("  load   %d acknowledged, lag %s, dead letters %d%n", load.acknowledgedCount(), lag,
                        pipeline.deadLetterCount());
                log.flush();
            }
        }
    }
}
