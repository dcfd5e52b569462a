package dev.newswire.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.newswire.enrich.ArticleDraft;
import dev.newswire.enrich.EnrichmentLimits;
import dev.newswire.enrich.EnrichmentStage;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The tagging stages (entities, topics, keywords and summary, SimHash) on generated bodies made of
 * what hostile texts are made of: long runs of one script (katakana, kanji, Latin letters), runs of
 * white space, capitalised names by the thousand, brackets and acronyms. Whatever the body, they
 * end within a bound, throw nothing, and keep to the limits of names and mentions.
 */
class TaggingFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @Property(tries = 60)
    void anyBodyIsTaggedWithinABoundWithinTheLimits(@ForAll("bodies") String body, @ForAll("languages") String language) {
        ArticleDraft tagged = assertTimeoutPreemptively(BOUND, () -> {
            ArticleDraft current = Articles.draft("fuzz", language, "Fuzz", body);
            for (EnrichmentStage stage : Articles.tagging().stages()) {
                current = stage.apply(current);
            }
            return current;
        });

        assertThat(tagged.entities().stream().mapToInt(e -> e.mentions().size()).sum())
                .isLessThanOrEqualTo(EnrichmentLimits.MAX_MENTIONS);
        assertThat(tagged.entities()).allSatisfy(e -> assertThat(e.mentions())
                .hasSizeLessThanOrEqualTo(EnrichmentLimits.MAX_MENTIONS_PER_ENTITY)
                .allSatisfy(m -> assertThat(m.end() - m.start()).isLessThanOrEqualTo(EnrichmentLimits.MAX_NAME_CHARS)));
    }

    @Provide
    Arbitrary<String> languages() {
        return Arbitraries.of("ja", "en", "de", "zh", "");
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("Mr Smith met Dr Jones in Washington. ", "President Joe Biden ",
                        "Defense Policy Coordination Talks (DPCT) ", "(NATO) ", "Hegseth and Dong ", "Xi Jinping ",
                        "日本政府は米国と中国の軍事対話について東京で会議を開いた。", "アルバロ・スミス氏(Alvaro Smith)", "ヘグセス長官",
                        "董軍国防部長", "「", "」", "（", "）", "\n\n", "\n", " ", "'s ", ". ", "。")),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(200)),
                Tuple.of(1, Arbitraries.integers().between(1, 10_000).map("アイウ"::repeat)),
                Tuple.of(1, Arbitraries.integers().between(1, 20_000).map("漢"::repeat)),
                Tuple.of(1, Arbitraries.integers().between(1, 20_000).map("A"::repeat)),
                Tuple.of(1, Arbitraries.integers().between(1, 20_000).map(" "::repeat)),
                Tuple.of(1, Arbitraries.integers().between(1, 2_000).map(n -> "Ann Lee" + n + " said. ")));
        return piece.list().ofMaxSize(30).map(pieces -> String.join("", pieces));
    }
}
