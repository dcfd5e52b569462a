package dev.newswire.search.index;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record that can never be indexed, with the reason: goes to the dead-letter topic as it was read.
 *
 * @param record         the record as consumed
 * @param exceptionClass what kind of failure, for {@code kafka_dlt-exception-fqcn}
 * @param message        the failure, for {@code kafka_dlt-exception-message} (cut when too long)
 */
public record DeadLetter(ConsumerRecord<byte[], byte[]> record, String exceptionClass, String message) {
}
