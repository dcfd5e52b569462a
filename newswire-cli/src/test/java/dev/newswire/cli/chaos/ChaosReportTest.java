package dev.newswire.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChaosReportTest {

    private static final Map<String, Long> NO_LAG = Map.of("enrich-service", 0L, "search-indexer", 0L);

    private static ChaosReport.LoadResult load(int acknowledged, int once, int missing, int deadLettered) {
        return new ChaosReport.LoadResult(300, acknowledged, 150_000, 20, 200, 2, Map.of("HTTP 503", 2), once, missing, 0,
                deadLettered, List.of());
    }

    private static PoisonPhase.Result poison(String name, String kind, Outcome outcome, double canary, List<Outcome> expected) {
        return new PoisonPhase.Result(name, kind, expected, outcome, "why", 1, canary, canary >= 0 && canary <= 10);
    }

    @Test
    void aRunWhereEverythingHeldPassesAndItsSummaryGivesTheFigures() {
        ChaosReport report = report(load(300, 300, 0, 0),
                List.of(new Faults.Result("SIGKILL enrich-service", 20, 31.5, true, "news.enriched.v1 +3")),
                List.of(poison("a", "k1", Outcome.REFUSED, 0.4, List.of(Outcome.REFUSED)),
                        poison("b", "k2", Outcome.DEAD_LETTERED, 1.2, List.of(Outcome.DEAD_LETTERED, Outcome.INDEXED))));
        assertThat(report.failures()).isEmpty();
        assertThat(report.summary()).isEqualTo("load held: 300 of 300 acknowledged articles indexed once; faults survived: 1 of 1; "
                + "kinds of poison tried: 2 (2 handled); articles lost: 0");
        StringWriter text = new StringWriter();
        report.print(new PrintWriter(text));
        assertThat(text.toString()).contains("SIGKILL enrich-service", "31.5 s", "PASSED");
    }

    @Test
    void aMissingArticleAnUnexpectedOutcomeALateCanaryAndLagEachFailTheRun() {
        ChaosReport report = new ChaosReport(load(300, 299, 1, 0), List.of(),
                List.of(poison("a", "k1", Outcome.NOT_REFUSED, 0.4, List.of(Outcome.REFUSED)),
                        poison("b", "k2", Outcome.INDEXED, 12.5, List.of(Outcome.INDEXED)),
                        poison("c", "k2", Outcome.INDEXED, 1, List.of(Outcome.INDEXED))),
                NO_LAG, Map.of("enrich-service", 3L, "search-indexer", 0L), Map.of(), 10,
                ChaosReport.judge(load(300, 299, 1, 0), List.of(),
                        List.of(poison("a", "k1", Outcome.NOT_REFUSED, 0.4, List.of(Outcome.REFUSED)),
                                poison("b", "k2", Outcome.INDEXED, 12.5, List.of(Outcome.INDEXED))),
                        NO_LAG, Map.of("enrich-service", 3L, "search-indexer", 0L)));
        assertThat(report.failures()).containsExactly(
                "1 acknowledged articles missing from the index (0 dead-lettered), 0 duplicated",
                "poison 'a': NOT_REFUSED (expected [REFUSED]): why",
                "poison 'b': the canary behind it took 12.5 s",
                "consumer group enrich-service lags 3 at the end");
        assertThat(report.poisonKinds()).isEqualTo(2);
        assertThat(report.poisonKindsHandled()).isZero();
        assertThat(report.load().lost()).isEqualTo(1);
    }

    @Test
    void aDeadLetteredArticleOfTheLoadIsMissingButNotLost() {
        assertThat(load(300, 299, 1, 1).lost()).isZero();
    }

    private static ChaosReport report(ChaosReport.LoadResult load, List<Faults.Result> faults, List<PoisonPhase.Result> poisons) {
        return new ChaosReport(load, faults, poisons, NO_LAG, NO_LAG, Map.of("load", Map.of("kafka", 400L << 20)), 10,
                ChaosReport.judge(load, faults, poisons, NO_LAG, NO_LAG));
    }
}
