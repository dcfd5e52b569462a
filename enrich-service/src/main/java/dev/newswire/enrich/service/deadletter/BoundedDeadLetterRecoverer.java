package dev.newswire.enrich.service.deadletter;

import dev.newswire.runtime.stream.DeadLetters;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * A {@link DeadLetterPublishingRecoverer} whose dead letters always fit their topic ({@link DeadLetters}):
 * a record the broker refused would fail the recovery, and the error handler would then seek back to the
 * poison record and try it again for ever, holding its partition.
 */
public class BoundedDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

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

    /**
     * The dead letter of {@code key} and {@code value} (byte arrays, as the enrich binding reads them), cut to
     * fit by the rule every stage shares ({@link DeadLetters}); the {@code kafka_dlt-*} headers the recoverer
     * added are kept whole.
     */
    static ProducerRecord<Object, Object> bounded(TopicPartition destination, Object key, Object value, Headers headers) {
        Integer partition = destination.partition() < 0 ? null : destination.partition();
        ProducerRecord<byte[], byte[]> letter = DeadLetters.bounded(destination.topic(), partition, bytes(key),
                bytes(value), headers, name -> name.startsWith("kafka_dlt-"));
        return new ProducerRecord<>(letter.topic(), letter.partition(), key instanceof byte[] ? letter.key() : key,
                value instanceof byte[] ? letter.value() : value, letter.headers());
    }

    private static byte[] bytes(Object o) {
        return o instanceof byte[] b ? b : null;
    }
}
