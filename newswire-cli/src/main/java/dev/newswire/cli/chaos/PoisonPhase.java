package dev.newswire.cli.chaos;

import dev.newswire.cli.stack.LocalStack;
import dev.newswire.cli.stack.Part;
import dev.newswire.model.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Feeds the poison one input at a time. Right behind each one (on the same partition when it was acknowledged,
 * while it is still in flight when the API is busy with it) goes a canary, an ordinary article whose time
 * from acknowledgement to searchable is the delay the poison caused everything else.
 */
final class PoisonPhase {

    /** How long an acknowledged poison may take to be indexed or dead-lettered. */
    static final Duration SETTLE_BOUND = Duration.ofSeconds(60);

    /** How long the suite gives a poison request before it sends the canary beside it. */
    private static final Duration IN_FLIGHT_PAUSE = Duration.ofSeconds(1);

    /** How many items of a feed may be taken before it counts as a flood rather than a cap. */
    static final int MAX_CAPPED_ITEMS = 1000;

    /**
     * @param name           the poison
     * @param kind           its kind
     * @param expected       outcomes that count as handled
     * @param outcome        what became of it
     * @param reason         the API's problem or the dead letter's reason, or what went wrong
     * @param seconds        from sending it until its outcome was known
     * @param canarySeconds  from the canary's acknowledgement until it was searchable; -1 if it never was
     * @param canaryInBound  whether that was within the bound
     */
    record Result(String name, String kind, List<Outcome> expected, Outcome outcome, String reason, double seconds,
                  double canarySeconds, boolean canaryInBound) {

        boolean handled() {
            return expected.contains(outcome) && canaryInBound;
        }
    }

    private final LocalStack stack;
    private final IngestApi api;
    private final Pipeline pipeline;
    private final Index index;
    private final Poisons poisons;
    private final String runId;
    private final Duration canaryBound;
    private final Duration startTimeout;
    private final PrintWriter log;
    private int canaries;
    /** Set once a poison stalled the pipeline for good: later waits are cut short, their outcome is known. */
    private String stalledBy;

    PoisonPhase(LocalStack stack, IngestApi api, Pipeline pipeline, Index index, Poisons poisons, String runId,
                Duration canaryBound, Duration startTimeout, PrintWriter log) {
        this.stack = stack;
        this.api = api;
        this.pipeline = pipeline;
        this.index = index;
        this.poisons = poisons;
        this.runId = runId;
        this.canaryBound = canaryBound;
        this.startTimeout = startTimeout;
        this.log = log;
    }

    /** Whether a poison stalled the pipeline for good (then its lag never comes back to 0). */
    boolean stalled() {
        return stalledBy != null;
    }

    List<Result> run(List<Poison> all) {
        List<Result> results = new ArrayList<>();
        int partitions = pipeline.partitions(Topics.RAW);
        for (Poison poison : all) {
            Result result = run(poison, partitions);
            results.add(result);
            synchronized (log) {
                log.printf("  poison %-44s %-14s %s; canary %s%n", poison.name(), result.outcome(), result.reason(),
                        result.canarySeconds() < 0 ? "never searchable" : String.format("%.1f s", result.canarySeconds()));
                log.flush();
            }
        }
        return results;
    }

    private Result run(Poison poison, int partitions) {
        Map<String, Long> pids = pids();
        long t0 = System.nanoTime();
        CompletableFuture<Poison.Sent> sending = CompletableFuture.supplyAsync(() -> {
            try {
                return poison.send().send();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Poison.Sent sent = null;
        try {
            sent = sending.get(IN_FLIGHT_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Still in flight: the canary goes beside it.
        } catch (InterruptedException | ExecutionException e) {
            return finish(poison, Outcome.NO_ANSWER, "could not send: " + cause(e), t0, -1);
        }
        Integer partition = sent != null && !sent.ids().isEmpty()
                ? Pipeline.partitionOf(sent.ids().get(0), partitions) : null;
        double canary = canary(partition, partitions);
        if (sent == null) {
            try {
                sent = sending.get(Poisons.REQUEST_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
            } catch (Exception e) {
                return finish(poison, Outcome.NO_ANSWER, "no answer: " + cause(e), t0, canary);
            }
        }
        Outcome outcome;
        String reason;
        Answer answer = sent.answer();
        if (answer != null && answer.status() == 0) {
            outcome = Outcome.NO_ANSWER;
            reason = answer.describe();
        } else if (answer != null && answer.upstreamRefused()) {
            outcome = Outcome.REFUSED;
            reason = answer.describe();
        } else if (answer != null && answer.status() >= 500) {
            outcome = Outcome.SERVER_ERROR;
            reason = answer.describe();
        } else if (answer != null && answer.refused()) {
            outcome = Outcome.REFUSED;
            reason = answer.describe();
        } else if (answer != null && sent.ids().isEmpty()) {
            outcome = answer.rejected() > 0 ? Outcome.REFUSED : Outcome.NOT_REFUSED;
            reason = answer.describe();
        } else if (answer != null && !poison.allowed().contains(Outcome.INDEXED)
                && !poison.allowed().contains(Outcome.DEAD_LETTERED)) {
            boolean capped = poison.allowed().contains(Outcome.CAPPED) && sent.ids().size() <= MAX_CAPPED_ITEMS;
            outcome = capped ? Outcome.CAPPED : Outcome.NOT_REFUSED;
            reason = answer.describe() + ", " + sent.ids().size() + " accepted";
        } else {
            String[] settled = settle(sent.ids());
            outcome = Outcome.valueOf(settled[0]);
            reason = settled[1];
        }
        if (stalledBy != null && (outcome == Outcome.STALLED || canary < 0)) {
            reason = reason + " (behind '" + stalledBy + "', which stalled the pipeline)";
        }
        if (outcome == Outcome.STALLED && canary < 0 && stalledBy == null) {
            stalledBy = poison.name();
        }
        String crashed = crashed(pids);
        if (crashed != null) {
            return finish(poison, Outcome.CRASHED, crashed + " (" + outcome + ": " + reason + ")", t0, canary);
        }
        return finish(poison, outcome, reason, t0, canary);
    }

    /** Waits until every id is searchable or dead-lettered; the outcome is the worst of them. */
    private String[] settle(List<String> ids) {
        Duration bound = stalledBy != null ? canaryBound : SETTLE_BOUND;
        long deadline = System.nanoTime() + bound.toNanos();
        Map<String, String> done = new HashMap<>();
        while (System.nanoTime() < deadline && done.size() < ids.size()) {
            for (String id : ids) {
                if (done.containsKey(id)) {
                    continue;
                }
                Pipeline.DeadLetter letter = pipeline.deadLetter(id);
                if (letter != null) {
                    done.put(id, "DEAD_LETTERED\t" + letter.describe());
                } else if (index.searchable(id)) {
                    done.put(id, "INDEXED\tsearchable");
                }
            }
            if (done.size() < ids.size()) {
                sleep(200);
            }
        }
        if (done.size() < ids.size()) {
            return new String[] {Outcome.STALLED.name(), (ids.size() - done.size()) + " of " + ids.size()
                    + " acknowledged, neither searchable nor dead-lettered after " + bound.toSeconds() + " s"};
        }
        String first = done.get(ids.get(0));
        return first.split("\t", 2);
    }

    /** Pushes a canary (to {@code partition} if given) and returns seconds until searchable, -1 if never. */
    private double canary(Integer partition, int partitions) {
        String url;
        String id;
        do {
            url = "https://chaos.newswire.test/" + runId + "/canary/" + canaries++;
            id = dev.newswire.model.ArticleIds.forUrl(url);
        } while (partition != null && Pipeline.partitionOf(id, partitions) != partition);
        Answer answer = api.push(List.of(poisons.canary(url)), Duration.ofSeconds(30));
        if (!answer.accepted() || answer.ids().isEmpty()) {
            return -1;
        }
        long acked = System.nanoTime();
        long deadline = acked + canaryBound.toNanos() * (stalledBy != null ? 1 : 3);
        String canaryId = answer.ids().get(0);
        while (System.nanoTime() < deadline) {
            if (index.searchable(canaryId)) {
                return (System.nanoTime() - acked) / 1e9;
            }
            sleep(100);
        }
        return -1;
    }

    private Result finish(Poison poison, Outcome outcome, String reason, long t0, double canary) {
        return new Result(poison.name(), poison.kind(), List.copyOf(poison.allowed()), outcome,
                reason.length() > 300 ? reason.substring(0, 300) + "…" : reason, (System.nanoTime() - t0) / 1e9, canary,
                canary >= 0 && canary <= canaryBound.toNanos() / 1e9);
    }

    private Map<String, Long> pids() {
        Map<String, Long> pids = new HashMap<>();
        for (Part part : stack.all()) {
            stack.running(part).ifPresent(p -> pids.put(part.name(), p.pid()));
        }
        return pids;
    }

    /** Names the parts that died since {@code before}, and starts them again so the next poison meets a whole stack. */
    private String crashed(Map<String, Long> before) {
        List<String> dead = new ArrayList<>();
        for (Part part : stack.all()) {
            var now = stack.running(part);
            if (now.isEmpty() || !before.containsKey(part.name()) || now.get().pid() != before.get(part.name())) {
                dead.add(part.name());
                if (now.isEmpty()) {
                    try {
                        stack.start(part, startTimeout);
                    } catch (RuntimeException e) {
                        dead.add("(restart failed: " + e.getMessage() + ")");
                    }
                }
            }
        }
        return dead.isEmpty() ? null : String.join(", ", dead) + " died";
    }

    private static String cause(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        if (t.getCause() != null && t instanceof java.util.concurrent.CompletionException) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
