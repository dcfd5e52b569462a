package dev.newswire.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.EventHeaders;
import dev.newswire.model.EventLimits;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterPublisherTest {

    private static ConsumerRecord<byte[], byte[]> record(byte[] key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>("news.enriched.v1", 2, 41L, 0L, TimestampType.CREATE_TIME, -1, -1, key, value,
                headers, Optional.empty());
    }

    private static String header(ProducerRecord<byte[], byte[]> letter, String name) {
        return new String(letter.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void smallRecordIsKeptWholeWithItsHeadersAndTheOriginAdded() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.SCHEMA, "EnrichedArticle/v1".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> record = record("k".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8), headers);

        ProducerRecord<byte[], byte[]> letter = DeadLetterPublisher.letter("dlq",
                new DeadLetter(record, "x.Failure", "bad"));

        assertThat(letter.topic()).isEqualTo("dlq");
        assertThat(letter.value()).isEqualTo(record.value());
        assertThat(letter.key()).isEqualTo(record.key());
        assertThat(header(letter, EventHeaders.SCHEMA)).isEqualTo("EnrichedArticle/v1");
        assertThat(header(letter, EventHeaders.DLQ_EXCEPTION_CLASS)).isEqualTo("x.Failure");
        assertThat(header(letter, EventHeaders.DLQ_EXCEPTION_MESSAGE)).isEqualTo("bad");
        assertThat(header(letter, EventHeaders.DLQ_ORIGINAL_TOPIC)).isEqualTo("news.enriched.v1");
        assertThat(ByteBuffer.wrap(letter.headers().lastHeader(EventHeaders.DLQ_ORIGINAL_PARTITION).value()).getInt()).isEqualTo(2);
        assertThat(ByteBuffer.wrap(letter.headers().lastHeader(EventHeaders.DLQ_ORIGINAL_OFFSET).value()).getLong()).isEqualTo(41L);
        assertThat(letter.headers().lastHeader(EventHeaders.DLQ_TRUNCATED)).isNull();
        assertThat(letter.headers().lastHeader(EventHeaders.DLQ_ORIGINAL_SIZE)).isNull();
    }

    @Test
    void valueLongerThanTheLimitIsCutAndFlaggedWithItsOriginalSize() {
        byte[] value = new byte[EventLimits.MAX_DEAD_LETTER_VALUE_BYTES + 1];
        Arrays.fill(value, (byte) 'a');

        ProducerRecord<byte[], byte[]> letter = DeadLetterPublisher.letter("dlq",
                new DeadLetter(record(null, value, new RecordHeaders()), "x.Failure", "too large"));

        assertThat(letter.value()).hasSize(EventLimits.MAX_DEAD_LETTER_VALUE_BYTES);
        assertThat(header(letter, EventHeaders.DLQ_TRUNCATED)).isEqualTo("true");
        assertThat(header(letter, EventHeaders.DLQ_ORIGINAL_SIZE)).isEqualTo(Integer.toString(value.length));
    }

    @Test
    void valueOfExactlyTheLimitIsNotCut() {
        byte[] value = new byte[EventLimits.MAX_DEAD_LETTER_VALUE_BYTES];

        ProducerRecord<byte[], byte[]> letter = DeadLetterPublisher.letter("dlq",
                new DeadLetter(record(null, value, new RecordHeaders()), "x.Failure", "m"));

        assertThat(letter.value()).hasSize(EventLimits.MAX_DEAD_LETTER_VALUE_BYTES);
        assertThat(letter.headers().lastHeader(EventHeaders.DLQ_TRUNCATED)).isNull();
    }

    @Test
    void hugeKeyHeadersAndMessageAreBoundedSoTheLetterFitsItsTopic() {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < 3; i++) {
            headers.add("h" + i, new byte[EventLimits.MAX_DEAD_LETTER_VALUE_BYTES / 2]);
        }
        byte[] key = new byte[EventLimits.MAX_RECORD_BYTES - 1];
        String message = "é".repeat(EventLimits.MAX_DEAD_LETTER_MESSAGE_CHARS) + "😀".repeat(10);

        ProducerRecord<byte[], byte[]> letter = DeadLetterPublisher.letter("dlq",
                new DeadLetter(record(key, new byte[EventLimits.MAX_RECORD_BYTES - 1], headers), "x.Failure", message));

        long headerBytes = Arrays.stream(letter.headers().toArray())
                .mapToLong(h -> h.key().length() + h.value().length).sum();
        assertThat(letter.key()).hasSize(EventLimits.MAX_DEAD_LETTER_VALUE_BYTES);
        assertThat(letter.headers().lastHeader("h2")).isNull();
        assertThat(header(letter, EventHeaders.DLQ_EXCEPTION_MESSAGE)).hasSize(EventLimits.MAX_DEAD_LETTER_MESSAGE_CHARS);
        assertThat((long) letter.key().length + letter.value().length + headerBytes).isLessThan(EventLimits.MAX_RECORD_BYTES);
    }
}
