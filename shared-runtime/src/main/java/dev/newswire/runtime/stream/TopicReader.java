package dev.newswire.runtime.stream;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads what a topic holds now: from the positions the consumer was given up to the end offsets seen
 * when the read begins. Records written meanwhile are left for whoever follows the topic
 * ({@link TopicFollower}), so a read of a busy topic still ends.
 */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private TopicReader() {
    }

    /**
     * Hands each record before the end offsets to {@code each}, in order per partition, until every assigned
     * partition reached its end, {@code each} answers false, or {@code timeout} has passed.
     *
     * @param consumer assigned and positioned by the caller (seek to the beginning, to a committed offset …)
     * @return the end offsets the read went to, and whether it got there
     */
    public static Result readToEnd(Consumer<byte[], byte[]> consumer, Duration timeout,
                                   Predicate<ConsumerRecord<byte[], byte[]>> each) {
        Set<TopicPartition> partitions = consumer.assignment();
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(consumer, ends)) {
            if (System.nanoTime() - deadline > 0) {
                return new Result(ends, false);
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition())) && !each.test(r)) {
                    return new Result(ends, false);
                }
            }
        }
        return new Result(ends, true);
    }

    /** Whether the consumer stands at or past each of {@code ends}. */
    static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /**
     * @param ends     the end offset of each partition when the read began
     * @param complete whether every partition was read to its end
     */
    public record Result(Map<TopicPartition, Long> ends, boolean complete) {
    }
}
