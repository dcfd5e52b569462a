package dev.newswire.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.runtime.stream.MalformedEventException;
import dev.newswire.search.TestArticles;
import dev.newswire.search.text.Segmenter;
import io.micronaut.serde.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleDocumentsTest {

    private final ArticleDocuments documents = new ArticleDocuments(new Segmenter());

    @Test
    void englishArticleCarriesJapaneseAliasesAndFacetKeys() {
        SearchFields search = documents.toDocument(TestArticles.pentagonBudget()).search();

        assertThat(search.names()).contains("Pete Hegseth", "ピート・ヘグセス", "米上院");
        assertThat(search.nameWords()).contains("ピート ・ ヘグセス");
        assertThat(search.personKeys()).containsExactly(FacetKeys.join("person/pete-hegseth", "Pete Hegseth"));
        assertThat(search.topicKeys()).containsExactly(FacetKeys.join("us-defense-budget", "US defense budget"));
        assertThat(search.topicLabels()).contains("US defense budget", "米国防予算");
        assertThat(search.titleWords()).isNull();
        assertThat(search.published()).isEqualTo(Instant.parse("2025-11-12T15:00:00Z"));
    }

    @Test
    void japaneseArticleGetsSegmentedTitleAndBody() {
        SearchFields search = documents.toDocument(TestArticles.militaryAndDialogueApart()).search();

        assertThat(search.titleWords()).contains("対話");
        assertThat(search.bodyWords().split(" ")).contains("米", "軍", "対話").doesNotContain("軍事");
    }

    @Test
    void namesRepeatWithMentionsUpToACap() {
        EnrichedArticle article = TestArticles.article("x", "en", "t", "b", Instant.EPOCH,
                List.of(TestArticles.person("person/a", "Anna Example", 3, null),
                        TestArticles.person("person/b", "Bob Example", 40, null)), List.of());

        List<String> names = documents.toDocument(article).search().names();

        assertThat(names.stream().filter("Anna Example"::equals).count()).isEqualTo(3);
        assertThat(names.stream().filter("Bob Example"::equals).count()).isEqualTo(ArticleDocuments.MAX_NAME_WEIGHT);
    }

    @Test
    void documentJsonHasTheArticleFieldsAtTopLevelAndInstantsAsIsoText() throws Exception {
        ObjectMapper serde = ObjectMapper.getDefault();
        byte[] json = serde.writeValueAsBytes(documents.toDocument(TestArticles.pentagonBudget()));

        JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(tree.get("id").asText()).isEqualTo(TestArticles.pentagonBudget().id());
        assertThat(tree.get("publishedAt").asText()).isEqualTo("2025-11-12T15:00:00Z");
        assertThat(tree.get("search").get("published").asText()).isEqualTo("2025-11-12T15:00:00Z");
        assertThat(tree.get("entities").get(0).get("aliases").get("ja").get(0).asText()).isEqualTo("ピート・ヘグセス");
        EnrichedArticle read = serde.readValue(json, EnrichedArticle.class);
        assertThat(read.entities().get(0)).isEqualTo(TestArticles.pentagonBudget().entities().get(0));
        assertThat(read).usingRecursiveComparison().ignoringFields("entities")
                .isEqualTo(TestArticles.pentagonBudget());
    }

    @Test
    void articleWithoutIdIsMalformed() {
        EnrichedArticle noId = new EnrichedArticle(null, null, null, null, null, null, null, "t", null, null, null,
                "en", "b", null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> documents.toDocument(noId)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void topicWithoutEnglishLabelUsesAnotherForItsFacet() {
        EnrichedArticle article = TestArticles.article("y", "ja", "t", "b", Instant.EPOCH, List.of(),
                List.of(new dev.newswire.model.TopicMatch("local", Map.of("ja", "地域"), 1.0)));

        assertThat(documents.toDocument(article).search().topicKeys()).containsExactly(FacetKeys.join("local", "地域"));
    }
}
