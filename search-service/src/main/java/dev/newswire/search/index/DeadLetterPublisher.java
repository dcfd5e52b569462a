package dev.newswire.search.index;

import dev.newswire.model.EventHeaders;
import dev.newswire.model.EventLimits;
import dev.newswire.runtime.stream.KafkaClients;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records that can never be indexed to the dead-letter topic: the original key, value and headers,
 * plus the {@link EventHeaders} dead-letter headers in the same encoding as Spring Kafka's recoverer
 * (partition as a 4-byte and offset as an 8-byte big-endian number), so all stages' dead letters read alike.
 *
 * <p>Every dead letter fits its topic ({@link EventLimits}): a value longer than
 * {@link EventLimits#MAX_DEAD_LETTER_VALUE_BYTES} is cut and flagged with {@link EventHeaders#DLQ_TRUNCATED} and
 * {@link EventHeaders#DLQ_ORIGINAL_SIZE}; the message is cut to {@link EventLimits#MAX_DEAD_LETTER_MESSAGE_CHARS};
 * a key longer than the value limit is cut to it, and the original headers are kept only while they add up to
 * no more than it. A dead letter the broker refuses as too large could never be delivered, and the partition
 * it came from would wait for it for ever.
 */
@Singleton
public class DeadLetterPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

    /** Longest wait for the broker's acknowledgement of one round of dead letters. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    /** Longest a send may block for the topic's metadata (a missing topic): the indexer's thread waits meanwhile. */
    private static final Duration MAX_BLOCK = Duration.ofSeconds(5);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    public DeadLetterPublisher(@Value("${kafka.bootstrap-servers}") String bootstrapServers, IndexerSettings settings) {
        Map<String, Object> config = KafkaClients.producerSettings(bootstrapServers, "search-indexer-dlq");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2);
        this.producer = KafkaClients.producer(config);
        this.topic = settings.getDeadLetterTopic();
    }

    /**
     * Sends the dead letters and waits for the broker's acknowledgement of each, so that the caller may
     * then commit their offsets.
     *
     * @return the letters that were not acknowledged (a transient failure: retry them later), in order
     */
    public List<DeadLetter> publishAll(List<DeadLetter> letters) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            try {
                sent.add(producer.send(letter(topic, letter)));
            } catch (RuntimeException e) {
                // Metadata not available within MAX_BLOCK, producer closed: counted as not acknowledged below.
                sent.add(null);
                LOG.warn("Dead letter of {} not sent: {}", origin(letter.record()), e.toString());
            }
        }
        long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
        List<DeadLetter> failed = new ArrayList<>();
        for (int i = 0; i < letters.size(); i++) {
            Future<RecordMetadata> future = sent.get(i);
            if (future == null) {
                failed.add(letters.get(i));
                continue;
            }
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Dead letter of {} not acknowledged: {}", origin(letters.get(i).record()),
                        e instanceof ExecutionException ? e.getCause().toString() : e.toString());
                failed.add(letters.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(letters.get(i));
            }
        }
        return failed;
    }

    /** The dead-letter record for a letter, within the {@link EventLimits}. */
    static ProducerRecord<byte[], byte[]> letter(String topic, DeadLetter letter) {
        ConsumerRecord<byte[], byte[]> record = letter.record();
        byte[] value = record.value();
        boolean truncated = value != null && value.length > EventLimits.MAX_DEAD_LETTER_VALUE_BYTES;
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(topic, null, cut(record.key()),
                truncated ? Arrays.copyOf(value, EventLimits.MAX_DEAD_LETTER_VALUE_BYTES) : value);
        long headerBytes = 0;
        for (Header header : record.headers()) {
            headerBytes += header.key().length() + (header.value() == null ? 0 : header.value().length);
            if (headerBytes > EventLimits.MAX_DEAD_LETTER_VALUE_BYTES) {
                break;
            }
            out.headers().add(header);
        }
        out.headers()
                .add(EventHeaders.DLQ_EXCEPTION_CLASS, utf8(letter.exceptionClass()))
                .add(EventHeaders.DLQ_EXCEPTION_MESSAGE, utf8(message(letter.message())))
                .add(EventHeaders.DLQ_ORIGINAL_TOPIC, utf8(record.topic()))
                .add(EventHeaders.DLQ_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array())
                .add(EventHeaders.DLQ_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        if (truncated) {
            out.headers()
                    .add(EventHeaders.DLQ_TRUNCATED, utf8("true"))
                    .add(EventHeaders.DLQ_ORIGINAL_SIZE, utf8(Integer.toString(value.length)));
        }
        return out;
    }

    /** The message within {@link EventLimits#MAX_DEAD_LETTER_MESSAGE_CHARS}, never splitting a surrogate pair. */
    static String message(String message) {
        if (message == null || message.length() <= EventLimits.MAX_DEAD_LETTER_MESSAGE_CHARS) {
            return message;
        }
        int end = EventLimits.MAX_DEAD_LETTER_MESSAGE_CHARS - 1;
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end) + "…";
    }

    private static byte[] cut(byte[] key) {
        return key == null || key.length <= EventLimits.MAX_DEAD_LETTER_VALUE_BYTES ? key
                : Arrays.copyOf(key, EventLimits.MAX_DEAD_LETTER_VALUE_BYTES);
    }

    static String origin(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static byte[] utf8(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    @PreDestroy
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
