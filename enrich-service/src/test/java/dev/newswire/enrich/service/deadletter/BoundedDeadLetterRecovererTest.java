package dev.newswire.enrich.service.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.EventHeaders;
import dev.newswire.model.EventLimits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class BoundedDeadLetterRecovererTest {

    private static final TopicPartition DLQ = new TopicPartition("news.raw.v1.dlq", -1);
    private static final int LIMIT = EventLimits.MAX_DEAD_LETTER_VALUE_BYTES;

    @Test
    void aValueWithinTheLimitIsPassedOnWholeWithoutTruncationHeaders() {
        byte[] value = new byte[LIMIT];
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.DLQ_EXCEPTION_CLASS, "x.Y".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<Object, Object> out = BoundedDeadLetterRecoverer.bounded(DLQ, "k".getBytes(StandardCharsets.UTF_8),
                value, headers);

        assertThat(out.value()).isSameAs(value);
        assertThat(out.partition()).isNull();
        assertThat(out.topic()).isEqualTo("news.raw.v1.dlq");
        assertThat(out.headers().lastHeader(EventHeaders.DLQ_TRUNCATED)).isNull();
        assertThat(out.headers().lastHeader(EventHeaders.DLQ_EXCEPTION_CLASS).value()).asString().isEqualTo("x.Y");
    }

    @Test
    void aLongerValueIsCutToTheLimitAndSaysSoWithItsOriginalSize() {
        byte[] value = new byte[LIMIT + 12_345];
        Arrays.fill(value, (byte) 'a');

        ProducerRecord<Object, Object> out = BoundedDeadLetterRecoverer.bounded(DLQ, null, value, new RecordHeaders());

        assertThat((byte[]) out.value()).hasSize(LIMIT).isEqualTo(Arrays.copyOf(value, LIMIT));
        assertThat(header(out, EventHeaders.DLQ_TRUNCATED)).isEqualTo("true");
        assertThat(header(out, EventHeaders.DLQ_ORIGINAL_SIZE)).isEqualTo(Integer.toString(LIMIT + 12_345));
    }

    @Test
    void anOversizedKeyAndTheOriginalHeadersBeyondTheLimitAreCutButTheDeadLetterHeadersKept() {
        byte[] key = new byte[LIMIT * 3];
        RecordHeaders headers = new RecordHeaders();
        headers.add("big-1", new byte[LIMIT / 2]);
        headers.add("big-2", new byte[LIMIT / 2]);
        headers.add("big-3", new byte[LIMIT / 2]);
        headers.add(EventHeaders.DLQ_EXCEPTION_MESSAGE, "why".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<Object, Object> out = BoundedDeadLetterRecoverer.bounded(DLQ, key, new byte[10], headers);

        assertThat((byte[]) out.key()).hasSize(LIMIT);
        assertThat(out.headers().lastHeader("big-1")).isNotNull();
        assertThat(out.headers().lastHeader("big-2")).isNull();
        assertThat(out.headers().lastHeader("big-3")).isNull();
        assertThat(header(out, EventHeaders.DLQ_EXCEPTION_MESSAGE)).isEqualTo("why");
        assertThat(header(out, EventHeaders.DLQ_TRUNCATED)).isEqualTo("true");
        assertThat(header(out, EventHeaders.DLQ_ORIGINAL_SIZE)).isEqualTo("10");
        long size = ((byte[]) out.key()).length + ((byte[]) out.value()).length;
        for (Header h : out.headers()) {
            size += h.key().length() + h.value().length;
        }
        assertThat(size).isLessThan(EventLimits.MAX_RECORD_BYTES / 2);
    }

    private static String header(ProducerRecord<Object, Object> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
