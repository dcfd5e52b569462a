package dev.newswire.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.newswire.enrich.ArticleDraft;
import dev.newswire.enrich.EnrichmentLimits;
import dev.newswire.enrich.EnrichmentStage;
import dev.newswire.model.Entity;
import dev.newswire.model.Mention;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Articles far longer than any real one through the tagging stages: the work and the output stay
 * bounded. Here each takes about two seconds; before, an English body of 100,000 characters took
 * 59 s in the entity stage (a quadratic search for surnames) and one with long runs of spaces 27 s
 * in the summary (a backtracking pattern).
 */
class LongArticleTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void aLongEnglishArticleIsTaggedFromItsFirstCharactersWithinABoundAndBoundedMentions() {
        String paragraph = "President Joe Biden met Xi Jinping in Washington on Tuesday to discuss trade with China. "
                .repeat(10).strip();
        String body = String.join("\n\n", java.util.Collections.nCopies(400, paragraph));

        ArticleDraft tagged = assertTimeoutPreemptively(BOUND, () -> tag(Articles.draft("long-en", "en", "Trade talks", body)));

        assertThat(body.length()).isGreaterThan(3 * EnrichmentLimits.MAX_TAGGED_CHARS);
        assertThat(tagged.entities()).extracting(Entity::name).containsExactly("Joe Biden", "Xi Jinping", "Washington, D.C.", "China");
        assertThat(tagged.entities()).allSatisfy(e -> assertThat(e.mentions())
                .hasSizeLessThanOrEqualTo(EnrichmentLimits.MAX_MENTIONS_PER_ENTITY)
                .allSatisfy(m -> assertThat(m.end()).isLessThanOrEqualTo(EnrichmentLimits.MAX_TAGGED_CHARS)));
        assertThat(tagged.entities().stream().mapToInt(e -> e.mentions().size()).sum())
                .isLessThanOrEqualTo(EnrichmentLimits.MAX_MENTIONS);
        assertThat(tagged.summary()).startsWith("President Joe Biden met Xi Jinping");
    }

    @Test
    void anArticleOfLongWhitespaceRunsIsTaggedWithinABound() {
        String body = "The harbour ferry resumed its crossings on Friday." + " ".repeat(60_000) + "Engineers replaced both engines."
                + " \t".repeat(20_000) + "\n\nThe operator said so.";

        ArticleDraft tagged = assertTimeoutPreemptively(BOUND, () -> tag(Articles.draft("spaces", "en", "Ferry", body)));

        assertThat(tagged.summary()).startsWith("The harbour ferry resumed its crossings on Friday.");
        assertThat(tagged.keywords()).isNotEmpty();
    }

    @Test
    void aLongJapaneseArticleHasAtMostTheMentionsPerEntityLimit() {
        String paragraph = "日本政府は十四日、米国と中国の軍事対話について東京で会議を開き、防衛省の担当者が説明した。".repeat(30);
        String body = String.join("\n\n", java.util.Collections.nCopies(300, paragraph));

        ArticleDraft tagged = assertTimeoutPreemptively(BOUND, () -> tag(Articles.draft("long-ja", "ja", "長い記事", body)));

        assertThat(tagged.entities()).isNotEmpty().allSatisfy(e -> assertThat(e.mentions())
                .hasSizeLessThanOrEqualTo(EnrichmentLimits.MAX_MENTIONS_PER_ENTITY));
        assertThat(tagged.entities()).anySatisfy(e -> assertThat(e.mentions())
                .hasSize(EnrichmentLimits.MAX_MENTIONS_PER_ENTITY));
        assertThat(tagged.entities().stream().flatMap(e -> e.mentions().stream()).mapToInt(Mention::end).max().orElse(0))
                .isLessThanOrEqualTo(EnrichmentLimits.MAX_TAGGED_CHARS);
    }

    @Test
    void aRunOfKatakanaTooLongForANameIsNoEntityAndTheTopicsAreStillMatched() {
        String body = "アイウ".repeat(33_000) + "\n\n日本政府は十四日、米国と中国の軍事対話について東京で会議を開いた。";

        ArticleDraft tagged = assertTimeoutPreemptively(BOUND, () -> tag(Articles.draft("katakana", "ja", "長い記事", body)));

        assertThat(tagged.entities()).allSatisfy(e -> assertThat(e.mentions()).allSatisfy(m ->
                assertThat(m.end() - m.start()).isLessThanOrEqualTo(EnrichmentLimits.MAX_NAME_CHARS)));
        assertThat(tagged.entities()).allSatisfy(e -> assertThat(e.id().length()).isLessThan(1000));
    }

    private static ArticleDraft tag(ArticleDraft draft) {
        ArticleDraft current = draft;
        for (EnrichmentStage stage : Articles.tagging().stages()) {
            current = stage.apply(current);
        }
        return current;
    }
}
