package dev.newswire.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.ArticleDraft;
import dev.newswire.enrich.dedup.InMemoryNearDuplicateIndex;
import dev.newswire.enrich.tagging.Articles;
import dev.newswire.model.Entity;
import dev.newswire.model.EntityType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * False names seen on real news (the seed and the sample corpus), which users would see as search
 * facets: each case is a rule, kept by a test.
 */
class EntityPrecisionTest {

    private static Gazetteer gazetteer;
    private static JapaneseNer japanese;
    private static EnglishNer english;

    @BeforeAll
    static void load() {
        gazetteer = Gazetteer.load();
        japanese = JapaneseNer.load(gazetteer);
        english = EnglishNer.load(gazetteer);
    }

    @Test
    void aTitleAfterAChineseNameIsSplitOffInTheTagger() {
        String text = "中国の董軍国防部長は会談で対話の継続を求めた。";
        assertThat(named(text, japanese.find(text))).contains("董軍:PERSON").noneMatch(s -> s.startsWith("董軍国防"));
    }

    @Test
    void theHeadOfATitleIsNoMinistry() {
        ArticleDraft draft = entities("ja", null, "中国の董軍国防部長は会談で対話の継続を求めた。");
        assertThat(draft.entities()).extracting(Entity::id).contains("person/dong-jun")
                .doesNotContain("org/china-ministry-of-national-defense");
    }

    @Test
    void partOfALongerTitleIsNoName() {
        ArticleDraft draft = entities("ja", null, "木原稔官房長官は記者会見で、両国軍の交流が続くことを歓迎すると述べた。");
        assertThat(surfaces(draft)).doesNotContain("官房", "両国軍", "両国");
    }

    @Test
    void twoCountriesBeforeACommonNounAreARelationNotAName() {
        String text = "米中軍事当局者は会談した。日米同盟の強化と米中貿易協議の行方が焦点となり、日米安全保障協議委員会も開かれた。";
        assertThat(named(text, japanese.find(text))).noneMatch(s -> s.startsWith("米中軍事") || s.startsWith("日米同盟")
                || s.startsWith("米中貿易"));
    }

    @Test
    void anAcronymDefinedAfterWordsThatAreNoNameIsNoEntity() {
        ArticleDraft draft = entities("ja", null, "米中両国はペンタゴンで第19回米中防衛政策調整対話(DPCT)を行った。"
                + "国防総省によるとDPCTでは、双方が意思疎通の重要性を確認した。DPCTは通常年に1回開かれる。");
        assertThat(surfaces(draft)).doesNotContain("DPCT").contains("ペンタゴン");
        assertThat(draft.entities()).extracting(Entity::id).contains("org/us-department-of-defense");
    }

    @Test
    void anAcronymIsNoPersonUnlessTheGazetteerSaysSo() {
        int[] cp = "DPCT said it would meet.".codePoints().toArray();
        assertThat(SpanRules.english(cp, List.of(new Span(0, 4, EntityType.PERSON)), gazetteer)).isEmpty();
        int[] ja = "DPCTは通常年に1回開かれる。".codePoints().toArray();
        assertThat(SpanRules.japanese(ja, List.of(new Span(0, 4, EntityType.PERSON)), gazetteer)).isEmpty();
    }

    @Test
    void daysAndMonthsAreNeverNames() {
        String text = "On Friday, officials in Tokyo said the talks would resume in December. Friday. Ports were shut.";
        List<String> names = named(text, english.find(text));
        assertThat(names).noneMatch(s -> s.startsWith("Friday") || s.startsWith("December"));
        ArticleDraft draft = entities("en", null, "Monday talks ended. On Saturday, Japan and Australia met in Tokyo.");
        assertThat(surfaces(draft)).doesNotContain("Monday", "Saturday").contains("Japan", "Tokyo");
    }

    @Test
    void peoplesAreNoNames() {
        ArticleDraft draft = entities("en", null, "The Japanese government said Taiwanese and Filipino workers "
                + "were welcome. The Japanese also invited Vietnamese firms to Tokyo.");
        assertThat(surfaces(draft)).doesNotContain("The Japanese", "Japanese", "Taiwanese", "Filipino", "Vietnamese")
                .contains("Tokyo");
    }

    @Test
    void theGazetteerTypeWinsForAKnownName() {
        String text = "The Pentagon said on Thursday that the Pentagon would send a delegation.";
        assertThat(named(text, english.find(text))).allMatch(s -> s.endsWith(":ORGANIZATION"))
                .anyMatch(s -> s.startsWith("The Pentagon") || s.startsWith("Pentagon"));
    }

    @Test
    void aPersonAfterATitleIsTheNameAndAnOfficeAloneIsNone() {
        String text = "ASEAN Secretary-General Kao Kim Hourn met US Defense Secretary Pete Hegseth, and Japan's Chief "
                + "Cabinet Secretary told reporters in Tokyo that the talks went well.";
        assertThat(named(text, english.find(text))).contains("Kao Kim Hourn:PERSON", "Pete Hegseth:PERSON")
                .noneMatch(s -> s.contains("Secretary"));
    }

    @Test
    void aTitledSurnameJoinsTheFullNameOfTheArticle() {
        ArticleDraft draft = entities("en", null, "US Defense Secretary Pete Hegseth met Chinese Defense Minister "
                + "Dong Jun in Kuala Lumpur on Friday. Admiral Dong said the military channels should stay open.");
        Entity dong = draft.entities().stream().filter(e -> e.id().equals("person/dong-jun")).findFirst().orElseThrow();
        assertThat(dong.mentions()).extracting(m -> m.text()).contains("Dong Jun", "Dong");
        assertThat(draft.entities()).extracting(Entity::id).doesNotContain("person/admiral-dong", "person/friday");
    }

    private static ArticleDraft entities(String language, String title, String body) {
        return Articles.tagging().stages(new InMemoryNearDuplicateIndex()).get(0)
                .apply(Articles.draft("p1", language, title, body));
    }

    private static List<String> surfaces(ArticleDraft draft) {
        return draft.entities().stream().flatMap(e -> e.mentions().stream()).map(m -> m.text()).toList();
    }

    private static List<String> named(String text, List<Span> spans) {
        int[] cp = text.codePoints().toArray();
        return spans.stream().map(s -> new String(cp, s.start(), s.length()) + ":" + s.type()).toList();
    }
}
