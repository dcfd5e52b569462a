package dev.newswire.cli.chaos;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run of the fault suite found; printed as a table or as JSON.
 *
 * @param load           the load and whether the index holds it
 * @param faults         each fault and how long it took to recover from
 * @param poisons        each poison input, its outcome and the canary's latency behind it
 * @param lagAfterLoad   consumer lag of each group once the load settled
 * @param lagAtEnd       consumer lag of each group at the end
 * @param peakRss        peak resident memory in bytes per process, per phase ({@code load}, {@code poison})
 * @param canaryBoundSeconds the bound on a canary's latency
 * @param failures       what did not hold; empty when the run passed
 */
record ChaosReport(LoadResult load, List<Faults.Result> faults, List<PoisonPhase.Result> poisons,
                   Map<String, Long> lagAfterLoad, Map<String, Long> lagAtEnd, Map<String, Map<String, Long>> peakRss,
                   double canaryBoundSeconds, List<String> failures) {

    /**
     * @param requested     articles the load was to push
     * @param acknowledged  ids the ingest API acknowledged (202)
     * @param averagePageBytes average size of the pages pushed
     * @param pushSeconds   time to push them all
     * @param settleSeconds from the start of the load until both groups' lag was 0
     * @param pushRetries   batches sent again (503 while Kafka restarted, no answer, 429)
     * @param pushFailures  the answers that caused the retries, counted
     * @param indexedOnce   acknowledged ids found exactly once in the index
     * @param missing       acknowledged ids not in the index
     * @param duplicated    acknowledged ids found more than once
     * @param deadLettered  of the missing, those a stage dead-lettered (with its reason)
     * @param examples      a few missing or duplicated ids with what became of them
     */
    record LoadResult(int requested, int acknowledged, long averagePageBytes, double pushSeconds, double settleSeconds,
                      long pushRetries, Map<String, Integer> pushFailures, int indexedOnce, int missing, int duplicated,
                      int deadLettered, List<String> examples) {

        int lost() {
            return missing - deadLettered;
        }
    }

    boolean passed() {
        return failures.isEmpty();
    }

    int poisonKinds() {
        return kinds(false).size();
    }

    int poisonKindsHandled() {
        Set<String> failed = kinds(true);
        return (int) kinds(false).stream().filter(k -> !failed.contains(k)).count();
    }

    private Set<String> kinds(boolean failedOnly) {
        Set<String> kinds = new LinkedHashSet<>();
        poisons.stream().filter(p -> !failedOnly || !p.handled()).forEach(p -> kinds.add(p.kind()));
        return kinds;
    }

    double canaryMaxSeconds() {
        return poisons.stream().mapToDouble(p -> p.canarySeconds() < 0 ? Double.POSITIVE_INFINITY : p.canarySeconds())
                .max().orElse(0);
    }

    /** The line for the README: load held, faults survived, kinds of poison, articles lost. */
    String summary() {
        long survived = faults.stream().filter(Faults.Result::recovered).count();
        return String.format("load held: %s; faults survived: %d of %d; kinds of poison tried: %d (%d handled); articles lost: %s",
                load == null ? "not run" : load.indexedOnce() + " of " + load.acknowledged() + " acknowledged articles indexed once",
                survived, faults.size(), poisonKinds(), poisonKindsHandled(), load == null ? "-" : String.valueOf(load.lost()));
    }

    static List<String> judge(LoadResult load, List<Faults.Result> faults, List<PoisonPhase.Result> poisons,
                              Map<String, Long> lagAfterLoad, Map<String, Long> lagAtEnd) {
        List<String> failures = new ArrayList<>();
        if (load != null) {
            if (load.acknowledged() < load.requested()) {
                failures.add((load.requested() - load.acknowledged()) + " articles of the load were never acknowledged");
            }
            if (load.missing() > 0 || load.duplicated() > 0) {
                failures.add(load.missing() + " acknowledged articles missing from the index (" + load.deadLettered()
                        + " dead-lettered), " + load.duplicated() + " duplicated");
            }
            lagNotZero("after the load", lagAfterLoad, failures);
        }
        faults.stream().filter(f -> !f.recovered()).forEach(f -> failures.add(f.fault() + ": " + f.detail()));
        for (PoisonPhase.Result p : poisons) {
            if (!p.expected().contains(p.outcome())) {
                failures.add("poison '" + p.name() + "': " + p.outcome() + " (expected " + p.expected() + "): " + p.reason());
            } else if (!p.canaryInBound()) {
                failures.add("poison '" + p.name() + "': the canary behind it took "
                        + (p.canarySeconds() < 0 ? "for ever" : String.format("%.1f s", p.canarySeconds())));
            }
        }
        lagNotZero("at the end", lagAtEnd, failures);
        return failures;
    }

    private static void lagNotZero(String when, Map<String, Long> lag, List<String> failures) {
        if (lag.isEmpty()) {
            failures.add("consumer lag unknown " + when + " (Kafka did not answer)");
        }
        lag.forEach((group, n) -> {
            if (n != 0) {
                failures.add("consumer group " + group + " lags " + n + " " + when);
            }
        });
    }

    void print(PrintWriter out) {
        out.println();
        if (load != null) {
            out.printf("LOAD    %d articles pushed (real pages, %d KB on average) in %.0f s, %d acknowledged; "
                            + "every group's lag 0 after %.0f s%n", load.requested(), load.averagePageBytes() / 1024,
                    load.pushSeconds(), load.acknowledged(), load.settleSeconds());
            if (load.pushRetries() > 0) {
                out.printf("        %d batches sent again: %s%n", load.pushRetries(), load.pushFailures());
            }
            out.printf("INDEX   %d of %d acknowledged ids indexed exactly once; missing %d (dead-lettered %d), duplicated %d%n",
                    load.indexedOnce(), load.acknowledged(), load.missing(), load.deadLettered(), load.duplicated());
            load.examples().forEach(e -> out.println("        " + e));
            out.printf("LAG     after the load %s%n", lagAfterLoad);
            out.println();
        }
        if (!faults.isEmpty()) {
            out.println("FAULT                          BACK AFTER   RECOVERED AFTER   OK    PROGRESS");
            for (Faults.Result f : faults) {
                out.printf("%-30s %8.1f s  %14.1f s   %-5s %s%n", f.fault(), f.downSeconds(), f.recoverySeconds(),
                        f.recovered() ? "yes" : "NO", f.detail());
            }
            out.println();
        }
        if (!poisons.isEmpty()) {
            out.printf("POISON                                      KIND                         OUTCOME        CANARY    OK    REASON%n");
            for (PoisonPhase.Result p : poisons) {
                out.printf("%-43s %-28s %-14s %7s   %-5s %s%n", cut(p.name(), 43), cut(p.kind(), 28), p.outcome(),
                        p.canarySeconds() < 0 ? "never" : String.format("%.1f s", p.canarySeconds()),
                        p.handled() ? "yes" : "NO", cut(p.reason(), 160));
            }
            out.printf("canary bound %.0f s; slowest canary %s%n", canaryBoundSeconds,
                    Double.isInfinite(canaryMaxSeconds()) ? "never searchable" : String.format("%.1f s", canaryMaxSeconds()));
            out.println();
        }
        out.println("PROCESS          " + String.join("", peakRss.keySet().stream().map(p -> String.format("PEAK RSS %-8s ", p)).toList()));
        Set<String> parts = new LinkedHashSet<>();
        peakRss.values().forEach(m -> parts.addAll(m.keySet()));
        for (String part : parts) {
            StringBuilder line = new StringBuilder(String.format("%-16s", part));
            for (Map<String, Long> phase : peakRss.values()) {
                line.append(String.format(" %10d MB     ", phase.getOrDefault(part, 0L) >> 20));
            }
            out.println(line.toString().stripTrailing());
        }
        out.printf("LAG     at the end %s%n%n", lagAtEnd);
        out.println(summary());
        if (failures.isEmpty()) {
            out.println("PASSED");
        } else {
            out.println("FAILED:");
            failures.forEach(f -> out.println("  - " + f));
        }
        out.flush();
    }

    private static String cut(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
