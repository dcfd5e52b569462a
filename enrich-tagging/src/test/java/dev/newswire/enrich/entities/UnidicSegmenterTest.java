package dev.newswire.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import com.atilika.kuromoji.unidic.Token;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newswire.enrich.tagging.Articles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnidicSegmenterTest {

    @Test
    void segmentsTheTopicSetLikeKuromojiUnidicsTokenizer() throws IOException {
        List<String> texts = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/dev/newswire/enrich/topics/us-china-military-dialogue-set.yml")) {
            new ObjectMapper(new YAMLFactory()).readTree(in).get("articles").forEach(a -> {
                texts.add(a.get("title").asText());
                texts.add(a.get("body").asText());
            });
        }
        assertAllSegmentedAlike(texts);
    }

    @Test
    void segmentsOddTextsLikeKuromojiUnidicsTokenizer() {
        assertAllSegmentedAlike(List.of("", "。", "、、。", "米中国防相が会談した", "国防総省。", "ヘグセス長官、董軍国防部長と",
                "abc 123 ＡＢＣ１２３ ｶﾀｶﾅ ー・＝ \t\n", "😀🇯🇵の絵文字と𠮷野家", "アメリカンフットボールとアメリカ\u0001"));
    }

    @Test
    void segmentsTheSeedPageLikeKuromojiUnidicsTokenizer() throws IOException {
        assertAllSegmentedAlike(List.of(Files.readString(
                Articles.sharedDir().resolve("fixtures/seed/kangnamtimes-us-china-dpct.txt"))));
    }

    private static void assertAllSegmentedAlike(List<String> texts) {
        for (String text : texts) {
            List<String> expected = new ArrayList<>();
            for (Token token : UnidicView.UNIDIC.tokenizer.tokenize(text)) {
                String tag = token.getPartOfSpeechLevel1() + "-" + token.getPartOfSpeechLevel2() + "-"
                        + token.getPartOfSpeechLevel3() + "-" + token.getPartOfSpeechLevel4();
                expected.add(token.getPosition() + "-" + (token.getPosition() + token.getSurface().length()) + " "
                        + FeatureHash.string(tag));
            }
            UnidicSegmenter.Words words = UnidicView.UNIDIC.segmenter.segment(text);
            List<String> actual = new ArrayList<>();
            for (int w = 0; w < words.size(); w++) {
                actual.add(words.start()[w] + "-" + words.end()[w] + " " + words.tag()[w]);
            }
            assertThat(actual).as(text).isEqualTo(expected);
        }
    }
}
