package dev.newswire.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.enrich.ArticleDraft;
import dev.newswire.enrich.EnrichmentStage;
import dev.newswire.enrich.dedup.InMemoryNearDuplicateIndex;
import dev.newswire.model.Entity;
import dev.newswire.model.EntityType;
import dev.newswire.model.Mention;
import dev.newswire.model.TopicMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed article (its clean title and ten body paragraphs from {@code expected.json}) through
 * the tagging stages: every expected entity with its type and an accepted English name, nothing
 * from the page's boilerplate, and the topic.
 */
class SeedArticleTest {

    /** Topics that are about what the seed is about; anything else is unrelated. */
    private static final Set<String> RELATED = Set.of("us-china-military-dialogue", "us-china-relations",
            "china-military", "defense-and-security");

    private static JsonNode expected;
    private static ArticleDraft result;

    @BeforeAll
    static void enrichSeed() throws Exception {
        expected = new ObjectMapper().readTree(Articles.sharedDir().resolve("fixtures/seed/expected.json").toFile());
        List<String> paragraphs = new ArrayList<>();
        expected.get("body_paragraphs").forEach(p -> paragraphs.add(p.asText()));
        ArticleDraft draft = Articles.draft("seed", "ja", expected.get("title").asText(), String.join("\n\n", paragraphs));
        for (EnrichmentStage stage : Articles.tagging().stages(new InMemoryNearDuplicateIndex())) {
            draft = stage.apply(draft);
        }
        result = draft;
    }

    @Test
    void everyExpectedEntityIsFoundWithItsTypeAndAnAcceptedEnglishName() {
        List<String> missing = new ArrayList<>();
        expected.get("entities_expected").fields().forEachRemaining(group -> {
            EntityType type = EntityType.valueOf(group.getKey().toUpperCase(Locale.ROOT).replace("ORGANISATION", "ORGANIZATION"));
            for (JsonNode want : group.getValue()) {
                String surface = want.get("surface").asText();
                List<String> names = new ArrayList<>();
                want.get("english").forEach(n -> names.add(normal(n.asText())));
                if (want.get("surface_is_enough").asBoolean()) {
                    names.add(normal(surface));
                }
                boolean found = result.entities().stream().anyMatch(e -> e.type() == type
                        && names.contains(normal(e.name()))
                        && e.mentions().stream().anyMatch(m -> m.text().contains(surface) || surface.contains(m.text())));
                if (!found) {
                    missing.add(type + " " + surface + " " + names);
                }
            }
        });
        result.entities().forEach(e -> System.out.println(e.type() + " " + e.id() + " \"" + e.name() + "\" "
                + e.mentions().stream().map(Mention::text).distinct().toList()));
        assertThat(missing).as("expected entities not found").isEmpty();
    }

    @Test
    void mentionOffsetsPointAtTheirTextInCodePoints() {
        for (Entity entity : result.entities()) {
            for (Mention m : entity.mentions()) {
                String field = m.field().equals("title") ? result.title() : result.body();
                int[] cp = field.codePoints().toArray();
                assertThat(new String(cp, m.start(), m.end() - m.start())).isEqualTo(m.text());
            }
        }
    }

    @Test
    void noEntityComesFromThePageBoilerplate() {
        List<String> names = result.entities().stream().map(Entity::name).toList();
        assertThat(names).doesNotContain("Rob Reiner", "Mariah Carey", "Stray Kids", "竹内智子");
        for (JsonNode boilerplate : expected.get("must_not_appear_in_body")) {
            assertThat(result.entities()).noneMatch(e -> e.mentions().stream()
                    .anyMatch(m -> m.text().equals(boilerplate.asText())));
        }
    }

    @Test
    void topicIsUsChinaMilitaryDialogueAndNoUnrelatedTopic() {
        List<String> topics = result.topics().stream().map(TopicMatch::id).toList();
        System.out.println("seed topics: " + result.topics());
        assertThat(topics).contains("us-china-military-dialogue");
        assertThat(topics).allMatch(RELATED::contains, "related to the seed");
        assertThat(topics).doesNotContain("entertainment", "sports");
    }

    @Test
    void keywordsSummaryAndSimhashAreFilled() {
        System.out.println("seed keywords: " + result.keywords());
        System.out.println("seed summary: " + result.summary());
        assertThat(result.keywords()).isNotEmpty().anyMatch(k -> k.contains("軍事") || k.contains("会談"));
        assertThat(result.summary()).startsWith("米国と中国の軍当局がワシントンで高官級会談を開き");
        assertThat(result.simhash()).matches("[0-9a-f]{16}");
        assertThat(result.duplicateOf()).isNull();
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
