package dev.newswire.model;

/**
 * Kafka record header names. The dead-letter headers are the ones Spring Kafka's
 * {@code DeadLetterPublishingRecoverer} writes, so that dead letters of every stage read alike.
 */
public final class EventHeaders {

    /** Event name and version of the record value, e.g. {@code RawArticle/v1}. */
    public static final String SCHEMA = "schema";

    /** Fully qualified class name of the exception that dead-lettered the record. */
    public static final String DLQ_EXCEPTION_CLASS = "kafka_dlt-exception-fqcn";

    /** Message of the exception that dead-lettered the record. */
    public static final String DLQ_EXCEPTION_MESSAGE = "kafka_dlt-exception-message";

    /** Topic the dead-lettered record was read from. */
    public static final String DLQ_ORIGINAL_TOPIC = "kafka_dlt-original-topic";

    /** Partition the dead-lettered record was read from (4-byte big-endian int, as Spring writes it). */
    public static final String DLQ_ORIGINAL_PARTITION = "kafka_dlt-original-partition";

    /** Offset of the dead-lettered record (8-byte big-endian long, as Spring writes it). */
    public static final String DLQ_ORIGINAL_OFFSET = "kafka_dlt-original-offset";

    /** {@code true} on a dead letter whose value was cut to {@link EventLimits#MAX_DEAD_LETTER_VALUE_BYTES}. */
    public static final String DLQ_TRUNCATED = "newswire-dlq-truncated";

    /** Size in bytes of a truncated dead letter's original value, as a decimal string. */
    public static final String DLQ_ORIGINAL_SIZE = "newswire-dlq-original-size";

    private EventHeaders() {
    }
}
