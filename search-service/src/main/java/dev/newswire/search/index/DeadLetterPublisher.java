package dev.newswire.search.index;

import dev.newswire.model.EventHeaders;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends records that can never be indexed to the dead-letter topic: the original key, value and headers,
 * plus the {@link EventHeaders} dead-letter headers in the same encoding as Spring Kafka's recoverer
 * (partition as a 4-byte and offset as an 8-byte big-endian number), so all stages' dead letters read alike.
 */
@Singleton
public class DeadLetterPublisher implements AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    public DeadLetterPublisher(@Value("${kafka.bootstrap-servers}") String bootstrapServers, IndexerSettings settings) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.CLIENT_ID_CONFIG, "search-indexer-dlq",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = settings.getDeadLetterTopic();
    }

    /**
     * Sends the record to the dead-letter topic and waits for the broker's acknowledgement, so that the
     * caller may then commit its offset.
     *
     * @throws DeadLetterException if the send was not acknowledged (a transient failure: retry)
     */
    public void publish(ConsumerRecord<byte[], byte[]> record, String exceptionClass, String message) {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topic, null, record.key(), record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        letter.headers()
                .add(EventHeaders.DLQ_EXCEPTION_CLASS, utf8(exceptionClass))
                .add(EventHeaders.DLQ_EXCEPTION_MESSAGE, utf8(message))
                .add(EventHeaders.DLQ_ORIGINAL_TOPIC, utf8(record.topic()))
                .add(EventHeaders.DLQ_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array())
                .add(EventHeaders.DLQ_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        try {
            producer.send(letter).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new DeadLetterException("dead letter of " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " not acknowledged", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterException("interrupted while dead-lettering", e);
        }
    }

    private static byte[] utf8(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    @PreDestroy
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** A dead letter could not be delivered. */
    public static class DeadLetterException extends RuntimeException {
        public DeadLetterException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
