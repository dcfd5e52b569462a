package dev.newswire.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.ingest.feed.FeedEntry;
import dev.newswire.model.EventLimits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The record of a source on the sources topic fits the limit every topic shares, at its worst. */
class SourceRecordSizeTest {

    @Test
    void aSourceWithEveryFieldAtItsLimitFitsARecord() {
        String worstChars = "\u0001";   // escaped to six bytes of JSON
        // The longest key FeedEntry keeps as it is (512 characters; a longer one is kept as its hash).
        String id = worstChars.repeat(509);
        String longestKey = new FeedEntry(id, null, null, null, null, null, "c", null).dedupKey();
        assertThat(longestKey).isEqualTo("id:" + id);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(longestKey);
        }
        String url = "https://news.example/" + "a".repeat(SourceRegistry.MAX_URL_LENGTH - 21);
        StoredSource source = new StoredSource(new SourceSpec("x".repeat(64), worstChars.repeat(512), url, "PT15M",
                true, "en", true), FeedSource.Origin.API, worstChars.repeat(16 * 1024), worstChars.repeat(16 * 1024),
                seen);

        byte[] value = JsonMapper.builder().build().writeValueAsBytes(source);

        assertThat(value.length + 1024).isLessThan(EventLimits.MAX_RECORD_BYTES);
    }
}
