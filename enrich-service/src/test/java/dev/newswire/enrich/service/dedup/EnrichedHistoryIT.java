package dev.newswire.enrich.service.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.enrich.dedup.InMemoryNearDuplicateIndex;
import dev.newswire.enrich.dedup.SimHash;
import dev.newswire.model.Topics;
import dev.newswire.stack.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A new service instance (or this one after a restart) against a real Kafka broker: its empty
 * near-duplicate index is filled from the enriched articles already on the topic before it takes
 * any article, and then with those other instances enrich.
 */
class EnrichedHistoryIT {

    private static final long HASH = 0x5a5a_0f0f_3c3c_9999L;

    private KafkaProducer<byte[], byte[]> producer;
    private EnrichedHistory history;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void close() {
        if (history != null) {
            history.stop();
        }
        producer.close();
    }

    @Test
    void articlesEnrichedBeforeTheStartAreSeenAndSoAreThoseOfOtherInstancesAfterIt() throws Exception {
        String earlier = "history-" + UUID.randomUUID();
        publish(earlier, "{\"id\":\"" + earlier + "\",\"title\":\"Ferry returns\",\"simhash\":\"" + SimHash.hex(HASH) + "\"}");
        publish("junk", "{\"id\": <not json");
        publish("no-simhash", "{\"id\":\"no-simhash\",\"title\":\"Nothing to hash\"}");

        InMemoryNearDuplicateIndex index = new InMemoryNearDuplicateIndex();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DedupProperties properties = new DedupProperties();
        properties.setWindow(Duration.ofHours(1));
        properties.setLoadTimeout(Duration.ofSeconds(60));
        history = new EnrichedHistory(index, TestInfrastructure.kafkaBootstrapServers(), properties, JsonMapper.builder().build(),
                meters, Clock.systemUTC());
        history.start();

        assertThat(history.caughtUp()).isTrue();
        assertThat(index.contains(earlier)).isTrue();
        assertThat(index.contains("no-simhash")).isFalse();
        assertThat(meters.get("newswire.enrich.dedup.history").tag("outcome", "skipped").counter().count())
                .isGreaterThanOrEqualTo(2);
        // A re-published copy with three bits of its fingerprint changed is a near-duplicate of it.
        assertThat(index.findAndAdd("history-copy-" + UUID.randomUUID(), HASH ^ 0b1011)).contains(earlier);

        String elsewhere = "history-elsewhere-" + UUID.randomUUID();
        publish(elsewhere, "{\"id\":\"" + elsewhere + "\",\"simhash\":\"" + SimHash.hex(~HASH) + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> index.contains(elsewhere));
    }

    @Test
    void articlesOlderThanTheWindowAreLeftOut() throws Exception {
        String old = "history-old-" + UUID.randomUUID();
        long threeDaysAgo = System.currentTimeMillis() - Duration.ofDays(3).toMillis();
        producer.send(new ProducerRecord<>(Topics.ENRICHED, null, threeDaysAgo, bytes(old),
                bytes("{\"id\":\"" + old + "\",\"simhash\":\"" + SimHash.hex(HASH) + "\"}"))).get();
        String recent = "history-recent-" + UUID.randomUUID();
        publish(recent, "{\"id\":\"" + recent + "\",\"simhash\":\"" + SimHash.hex(HASH) + "\"}");

        InMemoryNearDuplicateIndex index = new InMemoryNearDuplicateIndex();
        DedupProperties properties = new DedupProperties();
        properties.setWindow(Duration.ofDays(2));
        history = new EnrichedHistory(index, TestInfrastructure.kafkaBootstrapServers(), properties, JsonMapper.builder().build(),
                new SimpleMeterRegistry(), Clock.systemUTC());
        history.start();

        assertThat(index.contains(recent)).isTrue();
        assertThat(index.contains(old)).isFalse();
    }

    private void publish(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ENRICHED, bytes(key), bytes(value))).get();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
