package dev.newswire.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.EventLimits;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Every raw event the service can write fits its topic. */
class RawEventSizeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theProducerAndTheTopicAllowExactlyTheSharedRecordLimit() throws Exception {
        JsonNode yml;
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            yml = YAMLMapper.builder().build().readTree(in);
        }

        assertThat(yml.at("/spring/cloud/stream/kafka/binder/producer-properties/max.request.size").asInt())
                .isEqualTo(EventLimits.MAX_RECORD_BYTES);
        assertThat(yml.at("/spring/cloud/stream/kafka/bindings/rawArticles/producer/topic/properties/max.message.bytes")
                .asInt()).isEqualTo(EventLimits.MAX_RECORD_BYTES);
    }

    @Test
    void theWorstCappedPageWithEveryOtherFieldAtItsLimitFitsARecord() {
        // Each of these characters is escaped to six bytes of JSON: the worst content there is.
        String worst = RawArticles.capped("\u0001".repeat(RawArticle.MAX_CONTENT_CHARS));
        String url = "https://news.example/" + "\u0001".repeat(8000);
        RawArticle article = RawArticles.draft(IngestMethod.PAGE, Instant.now())
                .source("s".repeat(256), "\u0001".repeat(512))
                .publishedAt(Instant.now())
                .content("text/html", worst)
                .hints("\u0001".repeat(RawArticles.MAX_TITLE_CHARS), "\u0001".repeat(RawArticles.MAX_SUMMARY_CHARS))
                .language("en")
                .build();

        byte[] value = JSON.writeValueAsBytes(article);

        assertThat(worst.length()).isLessThan(RawArticle.MAX_CONTENT_CHARS);
        assertThat(RawArticles.jsonBytes(worst)).isLessThanOrEqualTo(RawArticles.MAX_CONTENT_JSON_BYTES);
        assertThat(value.length + url.length() * 6L + 1024).isLessThan(EventLimits.MAX_RECORD_BYTES);
    }

    @Test
    void twoMebiCharactersOfJapaneseAreKeptWhole() {
        String japanese = "軍事対話".repeat(RawArticle.MAX_CONTENT_CHARS / 4);

        assertThat(RawArticles.capped(japanese)).isSameAs(japanese);
        assertThat(JSON.writeValueAsBytes(RawArticles.draft(IngestMethod.PUSH, Instant.now())
                .source("s", "s").content("text/plain", japanese).build()).length)
                .isLessThan(EventLimits.MAX_RECORD_BYTES);
    }

    @Test
    void theCountOfJsonBytesIsWhatJacksonWrites() {
        String mixed = "a\"\\\n\t\u0001\u001f é 軍 😀 \u007f";

        assertThat(RawArticles.jsonBytes(mixed))
                .isEqualTo(JSON.writeValueAsBytes(mixed).length - 2 + 2);   // the emoji's halves count 3 + 3, not 4
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "😀".repeat(RawArticles.MAX_CONTENT_JSON_BYTES / 6 + 10);

        String capped = RawArticles.capped(emoji);

        assertThat(Character.isHighSurrogate(capped.charAt(capped.length() - 1))).isFalse();
        assertThat(RawArticles.cut("ab😀", 3)).isEqualTo("ab");
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharacters() {
        assertThat(RawArticles.wellFormed("a\ud800b\udc00c😀")).isEqualTo("a\uFFFDb\uFFFDc😀");
        String clean = "clean 😀";
        assertThat(RawArticles.wellFormed(clean)).isSameAs(clean);
    }
}
