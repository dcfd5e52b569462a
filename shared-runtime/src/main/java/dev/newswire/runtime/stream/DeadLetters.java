package dev.newswire.runtime.stream;

import dev.newswire.model.EventHeaders;
import dev.newswire.model.EventLimits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The rule every stage's dead letters follow, so that a dead letter always fits its topic: a record the
 * broker refused would fail the dead-lettering, and the stage would try the poison record again for ever,
 * holding its partition. The key and the value are each cut to {@link EventLimits#MAX_DEAD_LETTER_VALUE_BYTES};
 * the original headers are kept while they add up to no more than that, the later ones dropped; a letter cut
 * in any of these ways carries {@link EventHeaders#DLQ_TRUNCATED} {@code true} and
 * {@link EventHeaders#DLQ_ORIGINAL_SIZE} (the original value's size in bytes). The exception message is cut to
 * {@link EventLimits#MAX_DEAD_LETTER_MESSAGE_CHARS}. A letter so bounded stays under about 3 MiB, well inside
 * {@link EventLimits#MAX_RECORD_BYTES}.
 */
public final class DeadLetters {

    private static final int LIMIT = EventLimits.MAX_DEAD_LETTER_VALUE_BYTES;

    private DeadLetters() {
    }

    /**
     * The dead letter of a failed record, cut to fit.
     *
     * @param partition the dead-letter partition, or null for the producer's choice
     * @param uncounted headers kept whatever their size and not counted (the failure headers a framework
     *                  already added), by name
     */
    public static ProducerRecord<byte[], byte[]> bounded(String topic, Integer partition, byte[] key, byte[] value,
                                                         Iterable<Header> headers, Predicate<String> uncounted) {
        boolean truncated = false;
        byte[] cutKey = key;
        if (key != null && key.length > LIMIT) {
            cutKey = Arrays.copyOf(key, LIMIT);
            truncated = true;
        }
        byte[] cutValue = value;
        if (value != null && value.length > LIMIT) {
            cutValue = Arrays.copyOf(value, LIMIT);
            truncated = true;
        }
        RecordHeaders kept = new RecordHeaders();
        long headerBytes = 0;
        for (Header h : headers) {
            if (uncounted.test(h.key())) {
                kept.add(h);
                continue;
            }
            headerBytes += h.key().length() + (h.value() == null ? 0 : h.value().length);
            if (headerBytes <= LIMIT) {
                kept.add(h);
            } else {
                truncated = true;
            }
        }
        if (truncated) {
            kept.remove(EventHeaders.DLQ_TRUNCATED);
            kept.remove(EventHeaders.DLQ_ORIGINAL_SIZE);
            kept.add(EventHeaders.DLQ_TRUNCATED, "true".getBytes(StandardCharsets.UTF_8));
            long size = value == null ? 0 : value.length;
            kept.add(EventHeaders.DLQ_ORIGINAL_SIZE, Long.toString(size).getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(topic, partition, cutKey, cutValue, kept);
    }

    /** The exception message cut to {@link EventLimits#MAX_DEAD_LETTER_MESSAGE_CHARS}, never inside a surrogate pair. */
    public static String message(String message) {
        int max = EventLimits.MAX_DEAD_LETTER_MESSAGE_CHARS;
        if (message == null || message.length() <= max) {
            return message;
        }
        int end = Character.isHighSurrogate(message.charAt(max - 1)) ? max - 1 : max;
        return message.substring(0, end);
    }
}
