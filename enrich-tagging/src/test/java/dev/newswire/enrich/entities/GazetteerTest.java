package dev.newswire.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GazetteerTest {

    private final Gazetteer gazetteer = Gazetteer.load();

    @Test
    void namesInJapaneseAndEnglishLinkToOneEntity() {
        for (String name : new String[] {"ピート・ヘグセス", "ヘグセス", "Pete Hegseth", "Hegseth", "赫格塞思"}) {
            assertThat(gazetteer.lookup(name)).get().extracting(GazetteerEntry::id).isEqualTo("person/pete-hegseth");
        }
        for (String name : new String[] {"国防総省", "ペンタゴン", "Pentagon", "U.S. Department of Defense", "the Pentagon"}) {
            assertThat(gazetteer.lookup(name)).get().extracting(GazetteerEntry::id).isEqualTo("org/us-department-of-defense");
        }
    }

    @Test
    void latinNamesMatchWholeWordsWithTheirCase() {
        int[] text = "Let us meet the US envoy in Beijing.".codePoints().toArray();
        assertThat(gazetteer.find(text)).extracting(m -> m.entry().id())
                .containsExactly("place/united-states", "place/beijing");
    }

    @Test
    void katakanaNamesDoNotMatchInsideLongerKatakanaWords() {
        int[] text = "アメリカンフットボールとアメリカ".codePoints().toArray();
        assertThat(gazetteer.find(text)).extracting(Gazetteer.Match::start).containsExactly(12);
    }

    @Test
    void everyEntryHasAnEnglishNameAndUniqueId() {
        assertThat(gazetteer.entries()).hasSizeGreaterThan(500);
        assertThat(gazetteer.entries()).extracting(GazetteerEntry::id).doesNotHaveDuplicates();
        assertThat(gazetteer.entries()).allSatisfy(e -> assertThat(e.aliases().get("en")).contains(e.name()));
    }
}
