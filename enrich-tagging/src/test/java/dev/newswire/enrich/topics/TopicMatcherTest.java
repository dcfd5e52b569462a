package dev.newswire.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.TopicMatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicMatcherTest {

    private final TopicMatcher matcher = new TopicMatcher(List.of(
            new Topic("dialogue", Map.of("en", "Dialogue"), "\"軍事対話\" \"military dialogue\"", 0),
            new Topic("china", Map.of("en", "China"), "entity:\"place/china\"", 0)));

    @Test
    void japaneseQueryMatchesTheWordsInARowNotTheCharactersApart() {
        assertThat(ids(matcher.match("ja", "米中の軍事対話", null, List.of()))).containsExactly("dialogue");
        assertThat(ids(matcher.match("ja", "軍の対話と事務", "軍事の話と対話", List.of()))).isEmpty();
    }

    @Test
    void articlesCutWithoutKuromojiGiveTheSameTermsAsTheAnalyzer() {
        assertThat(ids(matcher.match("zh", "中美军事对话", null, List.of()))).isEmpty();
        assertThat(ids(matcher.match("fr", null, "the U.S. military dialogue", List.of()))).containsExactly("dialogue");
    }

    @Test
    void englishQueryMatchesPluralAndCase() {
        assertThat(ids(matcher.match("en", null, "Military dialogues resumed.", List.of()))).containsExactly("dialogue");
    }

    @Test
    void entityClauseMatchesCanonicalIds() {
        var china = new dev.newswire.model.Entity("place/china", "China", dev.newswire.model.EntityType.PLACE,
                List.of(), Map.of());
        assertThat(ids(matcher.match("en", "x", "y", List.of(china)))).containsExactly("china");
    }

    @Test
    void shippedCatalogueParsesAndHasAFewDozenTopicsWithEnglishAndJapaneseLabels() {
        TopicMatcher shipped = TopicMatcher.load();
        assertThat(shipped.topics()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(shipped.topics()).allSatisfy(t -> assertThat(t.labels()).containsKeys("en", "ja"));
        assertThat(shipped.topics()).extracting(Topic::id).contains("us-china-military-dialogue", "taiwan-strait",
                "russia-ukraine-war", "asean", "trade-and-tariffs", "elections", "technology-ai", "entertainment",
                "sports");
    }

    private static List<String> ids(List<TopicMatch> matches) {
        return matches.stream().map(TopicMatch::id).toList();
    }
}
