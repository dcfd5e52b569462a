package dev.newswire.enrich.service.deadletter;

import dev.newswire.model.EventHeaders;
import dev.newswire.model.EventLimits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * A {@link DeadLetterPublishingRecoverer} whose dead letters always fit their topic: a record the
 * broker refused would fail the recovery, and the error handler would then seek back to the poison
 * record and try it again for ever, holding its partition.
 *
 * <p>The value and the key are each cut to {@link EventLimits#MAX_DEAD_LETTER_VALUE_BYTES}; the
 * original record's headers are kept while they add up to no more than that, the later ones dropped.
 * A dead letter that was cut in any of these ways carries {@link EventHeaders#DLQ_TRUNCATED}
 * {@code true} and {@link EventHeaders#DLQ_ORIGINAL_SIZE} (the original value's size in bytes). With
 * the exception message cut to {@link EventLimits#MAX_DEAD_LETTER_MESSAGE_CHARS} (by
 * {@link DeadLetterConfiguration}), a dead letter stays under about 3 MiB, well inside
 * {@link EventLimits#MAX_RECORD_BYTES}.
 */
public class BoundedDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    private static final int LIMIT = EventLimits.MAX_DEAD_LETTER_VALUE_BYTES;

    public BoundedDeadLetterRecoverer(KafkaOperations<?, ?> template,
                                      BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
        super(template, destination);
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
                                                                  TopicPartition topicPartition, Headers headers,
                                                                  byte[] key, byte[] value) {
        Object k = key != null ? key : record.key();
        Object v = value != null ? value : record.value();
        return bounded(topicPartition, k, v, headers);
    }

    /** The dead letter of {@code key} and {@code value} (byte arrays, as the enrich binding reads them), cut to fit. */
    static ProducerRecord<Object, Object> bounded(TopicPartition destination, Object key, Object value, Headers headers) {
        boolean truncated = false;
        Object cutKey = key;
        if (key instanceof byte[] bytes && bytes.length > LIMIT) {
            cutKey = Arrays.copyOf(bytes, LIMIT);
            truncated = true;
        }
        Object cutValue = value;
        if (value instanceof byte[] bytes && bytes.length > LIMIT) {
            cutValue = Arrays.copyOf(bytes, LIMIT);
            truncated = true;
        }
        RecordHeaders kept = new RecordHeaders();
        long originalHeaderBytes = 0;
        for (Header h : headers) {
            if (h.key().startsWith("kafka_dlt-")) {
                kept.add(h);
                continue;
            }
            originalHeaderBytes += h.key().length() + (h.value() == null ? 0 : h.value().length);
            if (originalHeaderBytes <= LIMIT) {
                kept.add(h);
            } else {
                truncated = true;
            }
        }
        if (truncated) {
            kept.remove(EventHeaders.DLQ_TRUNCATED);
            kept.remove(EventHeaders.DLQ_ORIGINAL_SIZE);
            kept.add(EventHeaders.DLQ_TRUNCATED, "true".getBytes(StandardCharsets.UTF_8));
            long size = value instanceof byte[] bytes ? bytes.length : 0;
            kept.add(EventHeaders.DLQ_ORIGINAL_SIZE, Long.toString(size).getBytes(StandardCharsets.UTF_8));
        }
        Integer partition = destination.partition() < 0 ? null : destination.partition();
        return new ProducerRecord<>(destination.topic(), partition, cutKey, cutValue, kept);
    }
}
