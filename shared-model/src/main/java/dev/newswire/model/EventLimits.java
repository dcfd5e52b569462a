package dev.newswire.model;

/**
 * Size limits every stage agrees on, so that no stage can write a record its topic refuses. A record
 * the broker refuses cannot be retried into success: a producer that meets one would otherwise hold its
 * partition for ever.
 */
public final class EventLimits {

    /**
     * Largest record of any Newswire topic: the topics' {@code max.message.bytes}, the broker's
     * {@code message.max.bytes} and every producer's {@code max.request.size}.
     */
    public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

    /**
     * Largest value of a dead letter. A longer value is cut to this many bytes and the record carries
     * {@link EventHeaders#DLQ_TRUNCATED} and {@link EventHeaders#DLQ_ORIGINAL_SIZE}; the headers that
     * name the error, topic, partition and offset always fit beside it.
     */
    public static final int MAX_DEAD_LETTER_VALUE_BYTES = 1024 * 1024;

    /** Longest dead-letter exception message, in characters; a longer one is cut. */
    public static final int MAX_DEAD_LETTER_MESSAGE_CHARS = 4096;

    private EventLimits() {
    }
}
