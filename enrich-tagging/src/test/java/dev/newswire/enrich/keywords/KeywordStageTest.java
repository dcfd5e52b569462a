package dev.newswire.enrich.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordStageTest {

    @Test
    void japaneseKeywordsAreNounCompounds() {
        var keywords = new KeywordExtractor().extract("米中軍事対話を維持",
                "米中の国防当局は軍事対話を維持した。軍事対話は危機管理のためだ。", "ja");
        assertThat(keywords.get(0)).contains("軍事対話");
        assertThat(keywords).doesNotContain("ため", "こと");
    }

    @Test
    void englishKeywordsSkipStopWordsAndKeepNames() {
        var keywords = new KeywordExtractor().extract("Military talks resume",
                "The military talks between Washington and Beijing resumed. The military talks were candid.", "en");
        assertThat(keywords).first().isEqualTo("military talks");
        assertThat(keywords).contains("Washington").doesNotContain("the", "between", "talks");
    }

    @Test
    void englishNamesAreKeywordsAsAWhole() {
        var dong = new dev.newswire.model.Entity("person/dong-jun", "Dong Jun", dev.newswire.model.EntityType.PERSON,
                java.util.List.of(new dev.newswire.model.Mention("Dong Jun", "body", 0, 8),
                        new dev.newswire.model.Mention("Dong", "body", 40, 44)), java.util.Map.of());
        var keywords = new KeywordExtractor().extract(null,
                "Dong Jun met officials in Beijing. Later Dong said the talks went well.", "en", java.util.List.of(dong));
        assertThat(keywords).first().isEqualTo("Dong Jun");
        assertThat(keywords).doesNotContain("Dong", "Jun");
    }

    @Test
    void leadSummaryKeepsWholeSentencesUpToTheLimit() {
        String body = "First sentence here. Second one follows. " + "Filler words go on and on. ".repeat(20);
        String summary = new LeadSummary().summarize(body, "en");
        assertThat(summary).startsWith("First sentence here. Second one follows.").endsWith(".");
        assertThat(summary.length()).isLessThanOrEqualTo(LeadSummary.LATIN_LIMIT);
    }
}
