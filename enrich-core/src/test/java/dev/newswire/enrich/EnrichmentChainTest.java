package dev.newswire.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.enrich.extract.ExtractionStage;
import dev.newswire.enrich.extract.NothingExtractableException;
import dev.newswire.enrich.language.LanguageStage;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrichmentChainTest {

    private static final String PAGE = """
            <html lang="fr"><head><title>Le port accueille un nouveau ferry | Le Courrier</title>
            <meta property="og:site_name" content="Le Courrier">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
              "headline":"Le port accueille un nouveau ferry","datePublished":"2025-03-14T08:30:00+01:00",
              "author":[{"@type":"Person","name":"Claire Martin"},{"@type":"Person","name":"Paul Roux"}]}</script>
            </head><body><div class="menu"><a href="/">Accueil</a> <a href="/sport">Sport</a></div>
            <article><h1>Le port accueille un nouveau ferry</h1>
            <p>Le nouveau ferry a effectué vendredi sa première traversée entre le port et l'île, après des mois
            d'essais en mer, a annoncé la compagnie, qui promet des trajets plus courts et plus réguliers.</p>
            <p>Publicité</p>
            <p>Les habitants de l'île, qui dépendaient d'un bateau vieux de trente ans, ont salué l'arrivée du
            navire, plus rapide et moins bruyant, et espèrent une liaison supplémentaire le soir en été.</p>
            <p>Lire aussi : Le vieux bac prend sa retraite</p>
            </article><div class="comments">Commentaires (3)</div></body></html>
            """;

    @Test
    void coreChainExtractsThenIdentifiesTheLanguageAndStampsTheVersionAndTime() {
        Instant now = Instant.parse("2025-03-15T00:00:00Z");
        EnrichmentChain chain = EnrichmentChain.core().clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        EnrichedArticle article = chain.enrich(raw("text/html", PAGE));

        assertThat(chain.stages()).hasSize(2);
        assertThat(chain.stages().get(0)).isInstanceOf(ExtractionStage.class);
        assertThat(chain.stages().get(1)).isInstanceOf(LanguageStage.class);
        assertThat(article.title()).isEqualTo("Le port accueille un nouveau ferry");
        assertThat(article.authors()).containsExactly("Claire Martin", "Paul Roux");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-03-14T07:30:00Z"));
        assertThat(article.sourceName()).isEqualTo("Le Courrier");
        assertThat(article.language()).isEqualTo("fr");
        assertThat(article.body().split("\n\n")).hasSize(2);
        assertThat(article.body()).doesNotContain("Publicité", "Lire aussi", "Accueil", "Commentaires");
        assertThat(article.enrichedAt()).isEqualTo(now);
        assertThat(article.enricherVersion()).isEqualTo(EnrichmentChain.VERSION);
    }

    @Test
    void addedStagesRunAfterTheCoreOnesInOrder() {
        EnrichmentStage keywords = draft -> draft.withKeywords(List.of(draft.language()));
        EnrichmentStage summary = draft -> draft.withSummary(draft.keywords().get(0) + ":" + draft.title());
        EnrichedArticle article = EnrichmentChain.core().add(keywords).add(summary).build()
                .enrich(raw("text/html", PAGE));
        assertThat(article.keywords()).containsExactly("fr");
        assertThat(article.summary()).isEqualTo("fr:Le port accueille un nouveau ferry");
    }

    @Test
    void sourceDeclaredTitleAndDateWinOverThePagesOwn() {
        RawArticle raw = new RawArticle("id-1", null, null, "feed", "Courrier", Instant.now(),
                Instant.parse("2025-03-14T06:00:00Z"), "text/html", PAGE, "Ferry : la première traversée", null,
                null, IngestMethod.FEED);
        EnrichedArticle article = EnrichmentChain.core().build().enrich(raw);
        assertThat(article.title()).isEqualTo("Ferry : la première traversée");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-03-14T06:00:00Z"));
        assertThat(article.sourceName()).isEqualTo("Courrier");
    }

    @Test
    void pageWithoutTextFailsAsNothingExtractableUnlessTheFeedGaveASummary() {
        String empty = "<html><body><nav><a href='/'>Home</a></nav></body></html>";
        EnrichmentChain chain = EnrichmentChain.core().build();
        assertThatThrownBy(() -> chain.enrich(raw("text/html", empty)))
                .isInstanceOf(NothingExtractableException.class).hasMessageContaining("id-1");

        RawArticle withSummary = new RawArticle("id-2", null, null, "feed", null, Instant.now(), null, "text/html",
                empty, "Ferry returns", "<p>The harbour ferry is back in service after repairs.</p>", null,
                IngestMethod.FEED);
        EnrichedArticle article = chain.enrich(withSummary);
        assertThat(article.body()).isEqualTo("The harbour ferry is back in service after repairs.");
        assertThat(article.language()).isEqualTo("en");
    }

    @Test
    void shortPushedTextIsTheArticleItself() {
        EnrichedArticle article = EnrichmentChain.core().build().enrich(raw("text/plain",
                "港区で市民との対話集会が開かれた。\n\n区長は防災計画を説明した。"));
        assertThat(article.body()).isEqualTo("港区で市民との対話集会が開かれた。\n\n区長は防災計画を説明した。");
        assertThat(article.language()).isEqualTo("ja");
        assertThatThrownBy(() -> EnrichmentChain.core().build().enrich(raw("text/plain", "  \n ")))
                .isInstanceOf(NothingExtractableException.class);
    }

    @Test
    void pushedJsonArticleKeepsItsParagraphs() {
        String json = """
                {"title": "Neue Fähre im Hafen", "author": "Anna Weber",
                 "body": "Die neue Fähre fährt ab Montag im Stundentakt.\\n\\nDie Stadt zahlt die Hälfte der Kosten."}
                """;
        EnrichedArticle article = EnrichmentChain.core().build().enrich(raw("application/json", json));
        assertThat(article.title()).isEqualTo("Neue Fähre im Hafen");
        assertThat(article.authors()).containsExactly("Anna Weber");
        assertThat(article.body()).isEqualTo(
                "Die neue Fähre fährt ab Montag im Stundentakt.\n\nDie Stadt zahlt die Hälfte der Kosten.");
        assertThat(article.language()).isEqualTo("de");
    }

    private static RawArticle raw(String contentType, String content) {
        return new RawArticle("id-1", null, null, "test", null, Instant.now(), null, contentType, content, null, null,
                null, IngestMethod.PUSH);
    }
}
