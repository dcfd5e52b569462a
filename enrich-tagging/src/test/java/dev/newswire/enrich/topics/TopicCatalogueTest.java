package dev.newswire.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.ArticleDraft;
import dev.newswire.enrich.EnrichmentStage;
import dev.newswire.enrich.dedup.InMemoryNearDuplicateIndex;
import dev.newswire.enrich.tagging.Articles;
import dev.newswire.model.TopicMatch;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A few short articles, each in its expected topic of the shipped catalogue and not in an unrelated one. */
class TopicCatalogueTest {

    private static final List<EnrichmentStage> STAGES = Articles.tagging().stages(new InMemoryNearDuplicateIndex());

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en | russia-ukraine-war | entertainment | Russian drones struck Kyiv overnight, Ukraine's air force said, as Zelenskyy called for more air defence against the invasion.
            ja | russia-ukraine-war | sports | ロシア軍はウクライナ東部の前線で攻撃を強め、ゼレンスキー大統領は停戦協議の再開を求めた。
            ja | taiwan-strait | entertainment | 中国軍が台湾周辺で大規模な演習を行い、台湾国防部は防空識別圏への進入を確認したと発表した。
            en | trade-and-tariffs | sports | The administration will impose new tariffs on steel imports, and partners warned of a trade war.
            ja | sports | us-china-military-dialogue | 大谷翔平選手が本塁打を放ち、ドジャースは延長戦の末に試合に勝利した。
            en | entertainment | us-china-military-dialogue | The film topped the box office in its first weekend, and its lead actress thanked fans at the premiere.
            ja | technology-ai | sports | 生成AIの利用が広がり、政府は人工知能の安全性に関する新たな指針をまとめた。
            en | north-korea | entertainment | North Korea fired a ballistic missile into the sea, Japan's defence ministry said, the third launch this month.
            ja | disasters | technology-ai | 地震の影響で沿岸部に津波注意報が出され、気象庁は震度5強を観測したと発表した。
            en | asean | sports | ASEAN leaders opened their summit in Kuala Lumpur, with the regional free trade agenda high on the list.
            """)
    void articleMatchesItsTopicAndNotAnUnrelatedOne(String language, String expected, String unrelated, String text) {
        ArticleDraft draft = Articles.draft("t", language, null, text);
        for (EnrichmentStage stage : STAGES.subList(0, 2)) {
            draft = stage.apply(draft);
        }
        List<String> topics = draft.topics().stream().map(TopicMatch::id).toList();
        assertThat(topics).contains(expected).doesNotContain(unrelated);
    }
}
