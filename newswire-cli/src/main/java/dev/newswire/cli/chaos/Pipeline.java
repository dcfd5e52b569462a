package dev.newswire.cli.chaos;

import dev.newswire.model.EventHeaders;
import dev.newswire.model.EventLimits;
import dev.newswire.model.Topics;
import dev.newswire.runtime.stream.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * What the suite reads from and writes to Kafka: consumer lag of the two groups, records written straight to
 * a topic (poison no API would take), and the dead letters by key.
 */
final class Pipeline implements AutoCloseable {

    /** The consumer groups and the topic each reads. */
    static final Map<String, String> GROUPS = Map.of(Topics.ENRICH_GROUP, Topics.RAW, Topics.INDEXER_GROUP,
            Topics.ENRICHED);

    /** A dead letter: which topic it landed in and the reason its headers give. */
    record DeadLetter(String topic, String exceptionClass, String message, boolean truncated) {

        String describe() {
            String simple = exceptionClass == null ? "?" : exceptionClass.substring(exceptionClass.lastIndexOf('.') + 1);
            String m = message == null ? "" : message.replaceAll("\\s+", " ");
            return topic + ": " + simple + (m.isBlank() ? "" : ": " + m) + (truncated ? " (value truncated)" : "");
        }
    }

    private final String bootstrap;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Map<String, DeadLetter> deadLetters = new ConcurrentHashMap<>();
    private volatile Thread watcher;
    private volatile boolean closed;

    Pipeline(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        a.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        a.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
        this.admin = Admin.create(a);
        this.producer = KafkaClients.producer(KafkaClients.producerSettings(bootstrap, null));
    }

    /** Sum of the committed offsets of {@code group}, or -1 when Kafka does not answer. */
    long committed(String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(8, TimeUnit.SECONDS)
                    .values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Lag of each group (end offsets minus committed offsets of its topic); empty when Kafka does not answer. */
    Map<String, Long> lag() {
        Map<String, Long> lag = new LinkedHashMap<>();
        try {
            for (String group : List.of(Topics.ENRICH_GROUP, Topics.INDEXER_GROUP)) {
                String topic = GROUPS.get(group);
                TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(8, TimeUnit.SECONDS)
                        .get(topic);
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                d.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(8, TimeUnit.SECONDS);
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(8, TimeUnit.SECONDS);
                long sum = 0;
                for (var end : ends.entrySet()) {
                    OffsetAndMetadata c = committed.get(end.getKey());
                    sum += end.getValue().offset() - (c == null ? 0 : c.offset());
                }
                lag.put(group, sum);
            }
            return lag;
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** Sum of the end offsets of {@code topic}, or -1 when Kafka does not answer. */
    long endOffset(String topic) {
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(8, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            d.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(8, TimeUnit.SECONDS).values().stream()
                    .mapToLong(i -> i.offset()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    int partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(8, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (Exception e) {
            return 1;
        }
    }

    /** The partition Kafka's default partitioner gives a record keyed by {@code id} (the services key by id). */
    static int partitionOf(String id, int partitions) {
        return Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Writes one record straight to {@code topic} and waits for the broker's acknowledgement. */
    void send(String topic, String key, byte[] value, String schema) throws Exception {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
        if (schema != null) {
            record.headers().add(EventHeaders.SCHEMA, schema.getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    /**
     * Starts following both dead-letter topics. They are read from their beginning: the suite's ids are its
     * run's own, so older dead letters do no harm, and a topic no stage has written to yet is not created here.
     */
    void watchDeadLetters(String runId) {
        Map<String, Object> c = KafkaClients.consumerSettings(bootstrap, null);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "newswire-chaos-" + runId);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        c.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, EventLimits.MAX_RECORD_BYTES);
        c.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, EventLimits.MAX_RECORD_BYTES);
        KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(c);
        consumer.subscribe(List.of(Topics.RAW_DLQ, Topics.ENRICHED_DLQ));
        watcher = Daemons.start("chaos-dead-letters", () -> {
            try (consumer) {
                while (!closed) {
                    try {
                        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                            if (r.key() != null) {
                                deadLetters.put(new String(r.key(), StandardCharsets.UTF_8), new DeadLetter(r.topic(),
                                        header(r, EventHeaders.DLQ_EXCEPTION_CLASS),
                                        header(r, EventHeaders.DLQ_EXCEPTION_MESSAGE),
                                        "true".equals(header(r, EventHeaders.DLQ_TRUNCATED))));
                            }
                        }
                    } catch (org.apache.kafka.common.errors.InterruptException e) {
                        return;
                    } catch (RuntimeException e) {
                        // Kafka restarting: poll again.
                    }
                }
            }
        });
    }

    /** The dead letter of the article {@code id}, if one arrived since {@link #watchDeadLetters()}. */
    DeadLetter deadLetter(String id) {
        return deadLetters.get(id);
    }

    int deadLetterCount() {
        return deadLetters.size();
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closed = true;
        if (watcher != null) {
            try {
                watcher.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
