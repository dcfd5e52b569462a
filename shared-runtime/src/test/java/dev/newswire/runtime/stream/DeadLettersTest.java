package dev.newswire.runtime.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.EventHeaders;
import dev.newswire.model.EventLimits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static final int LIMIT = EventLimits.MAX_DEAD_LETTER_VALUE_BYTES;

    @Test
    void aRecordWithinTheLimitsIsPassedOnWholeWithoutTruncationHeaders() {
        byte[] key = "k".getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[LIMIT];
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.SCHEMA, "RawArticle/v1".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<byte[], byte[]> out = DeadLetters.bounded("dlq", null, key, value, headers, name -> false);

        assertThat(out.topic()).isEqualTo("dlq");
        assertThat(out.partition()).isNull();
        assertThat(out.key()).isSameAs(key);
        assertThat(out.value()).isSameAs(value);
        assertThat(header(out, EventHeaders.SCHEMA)).isEqualTo("RawArticle/v1");
        assertThat(out.headers().lastHeader(EventHeaders.DLQ_TRUNCATED)).isNull();
        assertThat(out.headers().lastHeader(EventHeaders.DLQ_ORIGINAL_SIZE)).isNull();
    }

    @Test
    void aLongerValueIsCutToTheLimitAndSaysSoWithItsOriginalSize() {
        byte[] value = new byte[LIMIT + 12_345];
        Arrays.fill(value, (byte) 'a');

        ProducerRecord<byte[], byte[]> out = DeadLetters.bounded("dlq", 0, null, value, new RecordHeaders(), name -> false);

        assertThat(out.partition()).isZero();
        assertThat(out.value()).isEqualTo(Arrays.copyOf(value, LIMIT));
        assertThat(header(out, EventHeaders.DLQ_TRUNCATED)).isEqualTo("true");
        assertThat(header(out, EventHeaders.DLQ_ORIGINAL_SIZE)).isEqualTo(Integer.toString(LIMIT + 12_345));
    }

    @Test
    void anOversizedKeyAndHeadersBeyondTheLimitAreCutButUncountedHeadersKeptAndAStaleFlagReplaced() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("big-1", new byte[LIMIT / 2]);
        headers.add("big-2", new byte[LIMIT / 2]);
        headers.add("failure", new byte[LIMIT / 2]);
        headers.add(EventHeaders.DLQ_ORIGINAL_SIZE, "999".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<byte[], byte[]> out = DeadLetters.bounded("dlq", null, new byte[LIMIT * 3], new byte[10],
                headers, "failure"::equals);

        assertThat(out.key()).hasSize(LIMIT);
        assertThat(out.headers().lastHeader("big-1")).isNotNull();
        assertThat(out.headers().lastHeader("big-2")).isNull();
        assertThat(out.headers().lastHeader("failure")).isNotNull();
        assertThat(header(out, EventHeaders.DLQ_TRUNCATED)).isEqualTo("true");
        assertThat(out.headers().headers(EventHeaders.DLQ_ORIGINAL_SIZE)).singleElement()
                .extracting(h -> new String(h.value(), StandardCharsets.UTF_8)).isEqualTo("10");
    }

    @Test
    void anExceptionMessageIsCutToTheLimitNeverInsideASurrogatePair() {
        int max = EventLimits.MAX_DEAD_LETTER_MESSAGE_CHARS;
        String pairs = "😀".repeat(max);

        assertThat(DeadLetters.message(null)).isNull();
        assertThat(DeadLetters.message("short")).isEqualTo("short");
        assertThat(DeadLetters.message("x".repeat(max + 1))).hasSize(max);
        assertThat(DeadLetters.message("x" + pairs)).hasSize(max - 1).endsWith("😀");
        assertThat(DeadLetters.message(pairs)).hasSize(max).endsWith("😀");
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
