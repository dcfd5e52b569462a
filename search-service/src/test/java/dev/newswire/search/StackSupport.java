package dev.newswire.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.EventHeaders;
import dev.newswire.model.EventLimits;
import dev.newswire.stack.TestInfrastructure;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Test access to the real Kafka and Elasticsearch of {@link TestInfrastructure}: per-test-class topic,
 * group and index names (the servers are shared by all test classes of the JVM), producing articles the
 * way the enrich-service does, and reading committed and end offsets.
 */
public final class StackSupport implements AutoCloseable {

    public final String topic;
    public final String deadLetterTopic;
    public final String group;
    public final String index;
    public final String alias;

    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;

    public StackSupport(String name) {
        String suffix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.topic = "it-enriched-" + suffix;
        this.deadLetterTopic = topic + ".dlq";
        this.group = "it-indexer-" + suffix;
        this.index = "it-news-v1-" + suffix;
        this.alias = "it-news-" + suffix;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka()));
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, EventLimits.MAX_RECORD_BYTES), new StringSerializer(), new ByteArraySerializer());
        try {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1), new NewTopic(deadLetterTopic, 1, (short) 1)))
                    .all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String kafka() {
        return TestInfrastructure.kafkaBootstrapServers();
    }

    public static String elasticsearch() {
        return TestInfrastructure.elasticsearchUrl();
    }

    /** The service configuration pointing at this class's topics, group and index. */
    public Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("micronaut.server.port", "-1");
        properties.put("kafka.bootstrap-servers", kafka());
        properties.put("elasticsearch.url", elasticsearch());
        properties.put("indexer.topic", topic);
        properties.put("indexer.dead-letter-topic", deadLetterTopic);
        properties.put("indexer.group-id", group);
        properties.put("indexer.linger", "50ms");
        properties.put("indexer.retry-backoff", "100ms");
        properties.put("indexer.max-retry-backoff", "1s");
        properties.put("search.index.name", index);
        properties.put("search.index.alias", alias);
        return properties;
    }

    /** Sends an article as the enrich-service does: key = id, header schema. */
    public RecordMetadata send(EnrichedArticle article) {
        try {
            return send(article.id(), ObjectMapper.getDefault().writeValueAsBytes(article));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends raw bytes with the enriched-article schema header. */
    public RecordMetadata send(String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(EventHeaders.SCHEMA, EnrichedArticle.SCHEMA.getBytes(StandardCharsets.UTF_8));
        try {
            return producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a record to the given partition with the given headers (none added), and waits for the broker. */
    public RecordMetadata send(int partition, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends an article as the enrich-service does, but to the given partition. */
    public RecordMetadata send(int partition, EnrichedArticle article) {
        try {
            return send(partition, article.id(), ObjectMapper.getDefault().writeValueAsBytes(article),
                    Map.of(EventHeaders.SCHEMA, EnrichedArticle.SCHEMA));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a config of the dead-letter topic (e.g. {@code max.message.bytes}, to make it refuse dead letters). */
    public void configureDeadLetterTopic(String name, String value) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, deadLetterTopic);
        try {
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(new ConfigEntry(name, value),
                    AlterConfigOp.OpType.SET)))).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every dead letter so far, in order. */
    public List<ConsumerRecord<String, byte[]>> deadLetters() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka(),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, EventLimits.MAX_RECORD_BYTES),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(deadLetterTopic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, byte[]>> letters = new java.util.ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(java.time.Duration.ofMillis(200)).forEach(letters::add);
            }
            return letters;
        }
    }

    /** Sends many articles at full speed and waits until all are acknowledged. */
    public void sendAll(List<EnrichedArticle> articles) {
        ObjectMapper json = ObjectMapper.getDefault();
        List<java.util.concurrent.Future<RecordMetadata>> sent = new java.util.ArrayList<>(articles.size());
        try {
            for (EnrichedArticle article : articles) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, article.id(), json.writeValueAsBytes(article));
                record.headers().add(EventHeaders.SCHEMA, EnrichedArticle.SCHEMA.getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
            producer.flush();
            for (java.util.concurrent.Future<RecordMetadata> future : sent) {
                future.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Offsets the indexer's group committed, by partition (absent partitions have none). */
    public Map<Integer, Long> committed() {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** End offsets of the topic by partition. */
    public Map<Integer, Long> endOffsets() {
        try {
            Map<TopicPartition, OffsetSpec> request = Set.of(0, 1).stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many of these articles the index holds, after a refresh. */
    public long indexed(ElasticsearchClient client, List<EnrichedArticle> articles) throws IOException {
        client.indices().refresh(r -> r.index(alias));
        List<String> ids = articles.stream().map(EnrichedArticle::id).toList();
        return client.count(c -> c.index(alias).query(q -> q.ids(i -> i.values(ids)))).count();
    }

    /** Whether the group committed everything written to the topic so far. */
    public boolean caughtUp() {
        Map<Integer, Long> end = endOffsets();
        Map<Integer, Long> committed = committed();
        return end.entrySet().stream().allMatch(e -> e.getValue() == 0 || e.getValue().equals(committed.get(e.getKey())));
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
