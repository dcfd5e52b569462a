package dev.newswire.runtime.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.stack.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared topic reading against a real broker: a read to the end, and a follower that catches up and goes on. */
class TopicFollowerIT {

    private static String bootstrap;

    @BeforeAll
    static void kafka() {
        bootstrap = TestInfrastructure.kafkaBootstrapServers();
    }

    @Test
    void aReadToTheEndSeesEveryRecordWrittenBeforeItInPartitionOrderAndStopsThere() throws Exception {
        String topic = topic(2);
        send(topic, 0, "a", "b", "c");
        send(topic, 1, "x");

        List<String> seen = new CopyOnWriteArrayList<>();
        TopicReader.Result result;
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(KafkaClients.consumerSettings(bootstrap, null))) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            result = TopicReader.readToEnd(consumer, Duration.ofSeconds(30), r -> seen.add(value(r.value())));
        }

        assertThat(result.complete()).isTrue();
        assertThat(result.ends()).containsEntry(new TopicPartition(topic, 0), 3L).containsEntry(new TopicPartition(topic, 1), 1L);
        assertThat(seen).containsExactlyInAnyOrder("a", "b", "c", "x");
        assertThat(seen.stream().filter(v -> !v.equals("x")).toList()).containsExactly("a", "b", "c");
    }

    @Test
    void aReadStopsWhenTheHandlerSaysSoAndSaysItIsIncomplete() throws Exception {
        String topic = topic(1);
        send(topic, 0, "a", "b", "c");

        List<String> seen = new CopyOnWriteArrayList<>();
        TopicReader.Result result;
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(KafkaClients.consumerSettings(bootstrap, null))) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
            result = TopicReader.readToEnd(consumer, Duration.ofSeconds(30), r -> seen.add(value(r.value())) && seen.size() < 2);
        }

        assertThat(result.complete()).isFalse();
        assertThat(seen).containsExactly("a", "b");
    }

    @Test
    void aFollowerSignalsWhenItCaughtUpThenHandsOnNewRecordsUntilClosed() throws Exception {
        String topic = topic(1);
        send(topic, 0, "old-1", "old-2");
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch caughtUp = new CountDownLatch(1);
        List<String> seenWhenCaughtUp = new CopyOnWriteArrayList<>();
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();

        TopicFollower follower = TopicFollower.start("test-follower", KafkaClients.consumerSettings(bootstrap, null),
                (consumer, running) -> {
                    List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    return partitions;
                },
                r -> seen.add(value(r.value())),
                () -> {
                    seenWhenCaughtUp.addAll(seen);
                    caughtUp.countDown();
                },
                failures::add);
        try {
            assertThat(caughtUp.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(seenWhenCaughtUp).containsExactly("old-1", "old-2");

            send(topic, 0, "new");

            await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("new"));
            assertThat(seen).containsExactly("old-1", "old-2", "new");
        } finally {
            follower.close();
        }
        assertThat(follower.isAlive()).isFalse();
        assertThat(failures).isEmpty();
    }

    @Test
    void aFailingHandlerStopsTheFollowerAndIsReported() throws Exception {
        String topic = topic(1);
        send(topic, 0, "poison");
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();

        TopicFollower follower = TopicFollower.start("test-follower", KafkaClients.consumerSettings(bootstrap, null),
                (consumer, running) -> {
                    consumer.assign(List.of(new TopicPartition(topic, 0)));
                    consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
                    return List.of(new TopicPartition(topic, 0));
                },
                r -> {
                    throw new IllegalStateException("cannot apply " + value(r.value()));
                },
                () -> { },
                failures::add);

        await().atMost(Duration.ofSeconds(30)).until(() -> !follower.isAlive());
        follower.close();
        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("cannot apply poison");
    }

    private static String topic(int partitions) throws Exception {
        String name = "runtime-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return name;
    }

    private static void send(String topic, int partition, String... values) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(KafkaClients.producerSettings(bootstrap, null))) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(topic, partition, null, v.getBytes(StandardCharsets.UTF_8)))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String value(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
