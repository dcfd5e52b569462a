package dev.newswire.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newswire.enrich.EnrichmentChain;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed: a plain-text dump of a Japanese news page, against its hand-written expectation. */
class SeedArticleTest {

    private static Map<?, ?> expected;
    private static EnrichedArticle article;

    @BeforeAll
    static void enrichTheSeed() throws IOException {
        Path seed = ExtractionQualityTest.sharedDir().resolve("fixtures/seed");
        assumeTrue(Files.isDirectory(seed), "no seed at " + seed + " (../shared is absent): skipped");
        expected = (Map<?, ?>) JsonLite.parse(Files.readString(seed.resolve("expected.json"), StandardCharsets.UTF_8));
        String text = Files.readString(seed.resolve((String) expected.get("file")), StandardCharsets.UTF_8);
        RawArticle raw = new RawArticle("seed", null, null, "file", null, Instant.parse("2025-12-18T00:00:00Z"), null,
                "text/plain", text, null, null, null, IngestMethod.FILE);
        article = EnrichmentChain.core().build().enrich(raw);
    }

    @Test
    void bodyIsExactlyTheTenArticleParagraphs() {
        assertThat(article.body().split("\n\n")).containsExactlyElementsOf((List<String>) expected.get("body_paragraphs"));
    }

    @Test
    void titleAndAuthorAreTheArticles() {
        assertThat(article.title()).isEqualTo(expected.get("title"));
        assertThat(article.byline()).isEqualTo(expected.get("author"));
        assertThat(article.authors()).containsExactly((String) expected.get("author"));
    }

    @Test
    void languageIsJapanese() {
        assertThat(article.language()).isEqualTo("ja");
    }

    @Test
    void bodyHasNoneOfTheBoilerplate() {
        for (Object boilerplate : (List<?>) expected.get("must_not_appear_in_body")) {
            assertThat(article.body()).doesNotContain((String) boilerplate);
        }
    }

    @Test
    void eventIsStampedWithTheChainVersion() {
        assertThat(article.enricherVersion()).isEqualTo(EnrichmentChain.VERSION);
        assertThat(article.enrichedAt()).isNotNull();
        assertThat(article.id()).isEqualTo("seed");
    }
}
