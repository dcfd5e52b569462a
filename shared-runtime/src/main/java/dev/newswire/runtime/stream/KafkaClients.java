package dev.newswire.runtime.stream;

import dev.newswire.model.EventLimits;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The settings every Newswire Kafka client shares, in one place. Producers: idempotence on, {@code acks=all}
 * (nothing acknowledged is lost, a retry never duplicates), and {@code max.request.size} =
 * {@link EventLimits#MAX_RECORD_BYTES}, the limit of every topic, so that no record a topic takes is refused
 * by its producer (a dead letter of 1 MiB plus headers does not fit Kafka's default of 1 MiB). Consumers:
 * no auto-commit; whoever commits does so after the work is done. Keys and values are bytes: each user reads
 * its events with its own framework's JSON.
 */
public final class KafkaClients {

    private KafkaClients() {
    }

    /** The shared producer settings; a mutable map, for the caller's own timeouts. */
    public static Map<String, Object> producerSettings(String bootstrapServers, String clientId) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, EventLimits.MAX_RECORD_BYTES);
        if (clientId != null) {
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        }
        return settings;
    }

    /** The shared consumer settings; a mutable map, for the caller's group, offsets reset and timeouts. */
    public static Map<String, Object> consumerSettings(String bootstrapServers, String clientId) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (clientId != null) {
            settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        }
        return settings;
    }

    public static KafkaProducer<byte[], byte[]> producer(Map<String, Object> settings) {
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> settings) {
        return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
