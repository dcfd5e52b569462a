package dev.newswire.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.newswire.enrich.ArticleDraft;
import dev.newswire.enrich.EnrichmentLimits;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The pages that stalled enrichment, each extracted or refused well within a bound. The bound is
 * generous for a loaded CI machine: each takes well under a second here (before, the whitespace
 * JSON-LD took 89 s).
 */
class HostilePagesTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String PARAGRAPH = "<p>The harbour ferry resumed its crossings on Friday morning after four months in "
            + "dry dock, where engineers replaced both engines and rebuilt the passenger deck.</p>";

    private final ExtractionStage stage = new ExtractionStage();

    @Test
    void jsonLdArticleBodyOfLongWhitespaceRunsIsExtractedWithTheRunsCollapsed() {
        String page = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Ferry\","
                + "\"articleBody\":\"Start" + " ".repeat(50_000) + "middle" + " \t".repeat(50_000) + "end\"}</script>"
                + "</head><body>" + PARAGRAPH + "</body></html>";

        ArticleDraft draft = assertTimeoutPreemptively(BOUND, () -> stage.apply(ArticleDraft.of(raw(page))));

        assertThat(draft.body()).isEqualTo("Start middle end");
    }

    @Test
    void markupNestedDeeperThanTheLimitIsRefusedAsNoArticleBeforeAnyRecursiveWalk() {
        String page = "<html><body>" + "<div>".repeat(20_000) + PARAGRAPH + "</div>".repeat(20_000) + "</body></html>";

        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> stage.apply(ArticleDraft.of(raw(page))))
                .isInstanceOf(NothingExtractableException.class)
                .hasMessageStartingWith("markup nested 20003 levels deep (at most 500 are read) in article hostile"));
    }

    @Test
    void markupNestedJustWithinTheLimitIsExtracted() {
        String page = "<html><body>" + "<div>".repeat(400) + PARAGRAPH + "</div>".repeat(400) + "</body></html>";

        ArticleDraft draft = assertTimeoutPreemptively(BOUND, () -> stage.apply(ArticleDraft.of(raw(page))));

        assertThat(draft.body()).startsWith("The harbour ferry resumed");
    }

    @Test
    void aPageOfOneHugeWordHasNoArticleText() {
        String page = "<html><body><p>" + "a".repeat(1_000_000) + "</p></body></html>";

        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> stage.apply(ArticleDraft.of(raw(page))))
                .isInstanceOf(NothingExtractableException.class)
                .hasMessage("no article text in article hostile (text/html, " + page.length() + " chars)"));
    }

    @Test
    void anOverlongWordIsDroppedFromABodyButALongRunOfJapaneseIsText() {
        String japanese = "日本政府は米国と中国の軍事対話について東京で会議を開いた".repeat(100);
        String page = "<html><body><article>" + PARAGRAPH + "<p>" + "x".repeat(5_000) + " after</p><p>" + japanese
                + "</p></article></body></html>";

        ArticleDraft draft = stage.apply(ArticleDraft.of(raw(page)));

        assertThat(draft.body().split("\n\n")).containsExactly(
                "The harbour ferry resumed its crossings on Friday morning after four months in dry dock, where "
                        + "engineers replaced both engines and rebuilt the passenger deck.", "after", japanese);
    }

    @Test
    void aLongArticleKeepsItsFirstParagraphsUpToTheBodyLimitAndATitleIsCut() {
        String paragraph = "<p>" + "日本政府は十四日、米国と中国の軍事対話について東京で会議を開き、防衛省の担当者が説明した。".repeat(30) + "</p>";
        String page = "<html><head><title>" + "題".repeat(5_000) + "</title></head><body><article>"
                + paragraph.repeat(600) + "</article></body></html>";

        ArticleDraft draft = assertTimeoutPreemptively(BOUND, () -> stage.apply(ArticleDraft.of(raw(page))));

        int paragraphChars = paragraph.length() - "<p></p>".length();
        assertThat(draft.body().length()).isLessThanOrEqualTo(EnrichmentLimits.MAX_BODY_CHARS)
                .isGreaterThan(EnrichmentLimits.MAX_BODY_CHARS - paragraphChars - 2);
        assertThat(draft.body()).endsWith("説明した。");
        assertThat(draft.title()).hasSize(EnrichmentLimits.MAX_TITLE_CHARS);
        assertThat(draft.taggedBody().length()).isLessThanOrEqualTo(EnrichmentLimits.MAX_TAGGED_CHARS);
        assertThat(draft.body()).startsWith(draft.taggedBody());
    }

    @Test
    void pushedJsonNestedDeeperThanTheLimitIsReadAsText() {
        String deep = "{\"body\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> stage.apply(ArticleDraft.of(
                new RawArticle("hostile", null, null, "s", null, Instant.now(), null, "application/json", deep, null,
                        null, null, IngestMethod.PUSH))))
                .isInstanceOf(NothingExtractableException.class)
                .hasMessageStartingWith("no article text in article hostile"));
        assertThat(JsonLite.parse("[".repeat(JsonLite.MAX_DEPTH) + "]".repeat(JsonLite.MAX_DEPTH))).isNotNull();
        assertThat(JsonLite.parse("[".repeat(JsonLite.MAX_DEPTH + 1) + "]".repeat(JsonLite.MAX_DEPTH + 1))).isNull();
    }

    private static RawArticle raw(String html) {
        return new RawArticle("hostile", null, null, "s", null, Instant.now(), null, "text/html", html, null, null, null,
                IngestMethod.PUSH);
    }
}
