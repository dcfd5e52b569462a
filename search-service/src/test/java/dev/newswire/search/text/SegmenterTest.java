package dev.newswire.search.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    private final Segmenter segmenter = new Segmenter();

    @Test
    void japaneseCompoundIsSplitIntoWordsNotCharacters() {
        assertThat(segmenter.queryPhrases("軍事対話")).first().isEqualTo("軍事 対話");
    }

    @Test
    void textWithMilitaryAndDialogueApartHasNoMilitaryAffairsWord() {
        List<String> words = Arrays.asList(segmenter.segment("米軍は中国側との対話を続けた。", "ja").split(" "));

        assertThat(words).contains("対話").doesNotContain("軍事");
    }

    @Test
    void queryPhraseOccursInTheSegmentedSeedSentence() {
        String sentence = segmenter.segment("米中軍事対話は2022年8月、当時ナンシー・ペロシ米下院議長が台湾を訪問した際", "ja");

        assertThat(" " + sentence + " ").contains(" " + segmenter.queryPhrases("軍事対話").get(0) + " ");
        assertThat(" " + sentence + " ").contains(" " + segmenter.queryPhrases("米中").get(0) + " ");
    }

    @Test
    void fullWidthLatinIsNormalisedBeforeSegmenting() {
        assertThat(segmenter.segment("ＤＰＣＴを行った", "ja")).startsWith("DPCT ");
    }

    @Test
    void chineseIsSegmentedIntoWords() {
        assertThat(segmenter.segment("中美军事对话", "zh").split(" ")).contains("军事", "对话");
    }

    @Test
    void queryPunctuationIsDropped() {
        assertThat(segmenter.queryPhrases("ピート・ヘグセス")).containsExactly("ピート ヘグセス");
    }

    @Test
    void unsegmentKeepsSpacesOnlyBetweenLatinWordsAndSeesThroughTags() {
        String fragment = "米国 と 中国 の <em>軍事</em> <em>対話</em> ( Alvaro Smith ) 、 DPCT で &lt; b &gt;";

        assertThat(Segmenter.unsegment(fragment))
                .isEqualTo("米国と中国の<em>軍事</em><em>対話</em>(Alvaro Smith)、DPCTで&lt;b&gt;");
    }

    @Test
    void cjkDetection() {
        assertThat(Segmenter.hasCjk("Hegseth")).isFalse();
        assertThat(Segmenter.hasCjk("ヘグセス")).isTrue();
        assertThat(Segmenter.hasCjk("習近平")).isTrue();
    }
}
