package dev.newswire.cli.dlq;

import dev.newswire.model.EventHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reading the dead-letter headers, whichever stage wrote them. */
final class DeadLetters {

    /** Headers that describe the failure: dropped when a dead letter is re-driven. */
    static final Set<String> FAILURE_HEADERS = Set.of(EventHeaders.DLQ_EXCEPTION_CLASS,
            EventHeaders.DLQ_EXCEPTION_MESSAGE, EventHeaders.DLQ_ORIGINAL_TOPIC, EventHeaders.DLQ_ORIGINAL_PARTITION,
            EventHeaders.DLQ_ORIGINAL_OFFSET, "kafka_dlt-exception-stacktrace", "kafka_dlt-exception-cause-fqcn",
            "kafka_dlt-original-timestamp", "kafka_dlt-original-timestamp-type", "kafka_dlt-original-consumer-group");

    private DeadLetters() {
    }

    static String text(ConsumerRecord<?, ?> record, String header) {
        Header h = record.headers().lastHeader(header);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A number header: Spring writes 4- or 8-byte big-endian binaries, others may write decimal text. */
    static Long number(ConsumerRecord<?, ?> record, String header) {
        Header h = record.headers().lastHeader(header);
        if (h == null || h.value() == null) {
            return null;
        }
        byte[] v = h.value();
        if (v.length == 4) {
            return (long) ByteBuffer.wrap(v).getInt();
        }
        if (v.length == 8) {
            return ByteBuffer.wrap(v).getLong();
        }
        try {
            return Long.parseLong(new String(v, StandardCharsets.UTF_8).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Where a dead letter came from: its header, else the DLQ's name without {@code .dlq}. */
    static String originalTopic(ConsumerRecord<?, ?> record) {
        String topic = text(record, EventHeaders.DLQ_ORIGINAL_TOPIC);
        if (topic != null && !topic.isBlank()) {
            return topic;
        }
        return record.topic().endsWith(".dlq") ? record.topic().substring(0, record.topic().length() - 4) : null;
    }
}
