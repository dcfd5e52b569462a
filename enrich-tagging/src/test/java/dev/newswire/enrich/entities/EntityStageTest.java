package dev.newswire.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.ArticleDraft;
import dev.newswire.enrich.dedup.InMemoryNearDuplicateIndex;
import dev.newswire.enrich.tagging.Articles;
import dev.newswire.model.Entity;
import dev.newswire.model.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityStageTest {

    private final ArticleDraft english = Articles.tagging().stages(new InMemoryNearDuplicateIndex()).get(0).apply(
            Articles.draft("en1", "en", "Hegseth meets Dong Jun",
                    "U.S. Defense Secretary Pete Hegseth met Chinese Defense Minister Dong Jun in Kuala Lumpur. "
                            + "The Pentagon said Hegseth's talks with Dong were constructive."));

    @Test
    void englishNamesLinkToTheSameEntitiesAsJapaneseOnes() {
        Entity hegseth = entity(english.entities(), "person/pete-hegseth");
        assertThat(hegseth.name()).isEqualTo("Pete Hegseth");
        assertThat(hegseth.type()).isEqualTo(EntityType.PERSON);
        assertThat(hegseth.aliases().get("ja")).contains("ピート・ヘグセス");
        assertThat(hegseth.mentions()).extracting(m -> m.text()).contains("Hegseth", "Pete Hegseth");
        assertThat(entity(english.entities(), "org/us-department-of-defense").mentions())
                .extracting(m -> m.text()).anyMatch(t -> t.endsWith("Pentagon"));
        assertThat(entity(english.entities(), "place/kuala-lumpur").type()).isEqualTo(EntityType.PLACE);
        assertThat(entity(english.entities(), "person/dong-jun").mentions()).extracting(m -> m.text())
                .as("a Chinese surname alone joins the full name").contains("Dong Jun", "Dong");
    }

    @Test
    void titleCaseTitleTakesOnlyNamesKnownFromTheGazetteerOrTheBody() {
        ArticleDraft draft = Articles.tagging().stages(new InMemoryNearDuplicateIndex()).get(0).apply(
                Articles.draft("en2", "en", "Marlowe Praises Harbour Plan As Pentagon Weighs New Base",
                        "Defence analyst Jane Marlowe said the harbour plan was sound. The Pentagon has not decided."));
        List<String> titleNames = draft.entities().stream().flatMap(e -> e.mentions().stream())
                .filter(m -> m.field().equals("title")).map(m -> m.text()).toList();
        assertThat(titleNames).containsExactlyInAnyOrder("Marlowe", "Pentagon");
        assertThat(entity(draft.entities(), "org/us-department-of-defense").mentions()).hasSize(2);
    }

    @Test
    void germanTextGetsOnlyGazetteerNames() {
        ArticleDraft draft = Articles.tagging().stages(new InMemoryNearDuplicateIndex()).get(0).apply(
                Articles.draft("de1", "de", null, "Die Regierung in Berlin prüft die Pläne für den Hafen."));
        assertThat(draft.entities()).extracting(Entity::id).containsExactly("place/berlin");
    }

    @Test
    void titledShortFormsJoinTheFullNameMetEarlier() {
        ArticleDraft japanese = Articles.tagging().stages(new InMemoryNearDuplicateIndex()).get(0).apply(
                Articles.draft("ja1", "ja", "米高官が訪中",
                        "国務省のジョン・マクレガー報道官(John McGregor)は記者会見で述べた。マクレガー報道官は対話を重視すると強調した。"));
        Entity person = entity(japanese.entities(), "person/john-mcgregor");
        assertThat(person.name()).isEqualTo("John McGregor");
        assertThat(person.mentions()).extracting(m -> m.text()).contains("ジョン・マクレガー", "マクレガー");
    }

    private static Entity entity(List<Entity> entities, String id) {
        return entities.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + entities.stream().map(Entity::id).toList()));
    }
}
