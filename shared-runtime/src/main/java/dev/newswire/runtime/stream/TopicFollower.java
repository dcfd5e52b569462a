package dev.newswire.runtime.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Follows the partitions of a topic without a consumer group, on a thread of its own, until
 * {@link #close()}: a service's view of a topic that is its state (the sources, the enriched history).
 * The {@link Assignment} assigns and positions the consumer; each record goes to the handler; once the
 * consumer has reached the end offsets it saw at the start, {@code caughtUp} runs, once. A failure of the
 * handler or of Kafka stops the follower and goes to {@code failed}; closing is no failure.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /** Assigns the consumer its partitions and seeks each to where reading starts. */
    @FunctionalInterface
    public interface Assignment {

        /**
         * @param running false once the follower is closed: an assignment that waits (for a topic to exist)
         *                stops waiting then
         * @return the partitions assigned; none when the follower was closed meanwhile
         */
        List<TopicPartition> assign(KafkaConsumer<byte[], byte[]> consumer, BooleanSupplier running);
    }

    private final Map<String, Object> settings;
    private final Assignment assignment;
    private final Consumer<ConsumerRecord<byte[], byte[]>> handler;
    private final Runnable caughtUp;
    private final Consumer<RuntimeException> failed;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    private TopicFollower(String name, Map<String, Object> settings, Assignment assignment,
                          Consumer<ConsumerRecord<byte[], byte[]>> handler, Runnable caughtUp,
                          Consumer<RuntimeException> failed) {
        this.settings = settings;
        this.assignment = assignment;
        this.handler = handler;
        this.caughtUp = caughtUp;
        this.failed = failed;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts following on a daemon thread named {@code name}, with a consumer of {@code settings}
     * ({@link KafkaClients#consumerSettings}).
     */
    public static TopicFollower start(String name, Map<String, Object> settings, Assignment assignment,
                                      Consumer<ConsumerRecord<byte[], byte[]>> handler, Runnable caughtUp,
                                      Consumer<RuntimeException> failed) {
        TopicFollower follower = new TopicFollower(name, settings, assignment, handler, caughtUp, failed);
        follower.thread.start();
        return follower;
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> c = KafkaClients.consumer(settings)) {
            consumer = c;
            if (!running) {
                return;
            }
            List<TopicPartition> partitions = assignment.assign(c, () -> running);
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> ends = c.endOffsets(partitions);
            boolean caughtUpSignalled = false;
            while (running) {
                if (!caughtUpSignalled && TopicReader.reached(c, ends)) {
                    caughtUpSignalled = true;
                    caughtUp.run();
                }
                for (ConsumerRecord<byte[], byte[]> record : c.poll(POLL)) {
                    handler.accept(record);
                }
            }
        } catch (WakeupException e) {
            // closed
        } catch (RuntimeException e) {
            if (running) {
                failed.accept(e);
            }
        }
    }

    /** Stops following and waits (at most 10 s) for the thread to end. */
    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the thread is still following (false after {@link #close()} or a failure). */
    public boolean isAlive() {
        return thread.isAlive();
    }
}
