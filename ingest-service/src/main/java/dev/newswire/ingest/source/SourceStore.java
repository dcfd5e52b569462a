package dev.newswire.ingest.source;

import dev.newswire.model.EventLimits;
import dev.newswire.model.Topics;
import dev.newswire.runtime.stream.KafkaClients;
import dev.newswire.runtime.stream.TopicFollower;
import dev.newswire.runtime.stream.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sources and their polling state on the compacted topic {@link Topics#SOURCES}: one record per
 * source, the newest wins, a tombstone removes it. The service reads it whole at start
 * ({@link #readAll}), writes a definition before it takes effect and the state after each poll, and
 * then follows the topic ({@link #follow}), so that a source added or removed through another
 * replica's API reaches this one (the poller) without a restart. Thread-safe.
 */
public class SourceStore implements SourceJournal, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SourceStore.class);

    private final String bootstrapServers;
    private final String topic;
    private final JsonMapper json;
    private final Duration timeout;
    private final int maxSeen;
    private final KafkaProducer<byte[], byte[]> producer;
    /** Per source, the offset of this replica's last write: a change read back at or before it is our own. */
    private final Map<String, Long> ownOffsets = new ConcurrentHashMap<>();
    /** Where {@link #readAll} stopped, for {@link #follow}. */
    private volatile Map<TopicPartition, Long> readUpTo = Map.of();
    private volatile TopicFollower follower;

    /**
     * @param topic   the compacted topic, {@link Topics#SOURCES} but in tests that need one of their own
     * @param timeout longest wait for the broker, at start and for each change of a definition
     * @param maxSeen seen entries kept per source (a feed's current items are what matter)
     */
    public SourceStore(String bootstrapServers, String topic, JsonMapper json, Duration timeout, int maxSeen) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.json = json;
        this.timeout = timeout;
        this.maxSeen = maxSeen;
        // A source record is bounded (URL 8,192 and name 512 characters, 1,000 seen keys of at most 512): at
        // most about 3 MB as escaped JSON, within the limit every topic and producer shares.
        Map<String, Object> config = KafkaClients.producerSettings(bootstrapServers, "ingest-service-sources");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 2000));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 2000));
        this.producer = KafkaClients.producer(config);
    }

    /** Creates the compacted topic if it does not exist yet. */
    public void createTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            NewTopic compacted = new NewTopic(topic, 1, (short) -1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(EventLimits.MAX_RECORD_BYTES)));
            admin.createTopics(List.of(compacted)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("created the compacted topic {}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new SourceStoreException("cannot create " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new SourceStoreException("cannot create " + topic + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceStoreException("interrupted", e);
        }
    }

    /** Every stored source by id, read to the end of the topic; a record that is no source is skipped. */
    public Map<String, StoredSource> readAll() {
        Map<String, StoredSource> sources = new LinkedHashMap<>();
        Map<String, Object> config = KafkaClients.consumerSettings(bootstrapServers, null);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            TopicReader.Result read = TopicReader.readToEnd(consumer, timeout, record -> {
                String id = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                if (id == null) {
                    return true;
                }
                if (record.value() == null) {
                    sources.remove(id);
                    return true;
                }
                try {
                    sources.put(id, json.readValue(record.value(), StoredSource.class));
                } catch (JacksonException e) {
                    log.warn("skipping record {} of {} at offset {}: {}", id, topic, record.offset(),
                            e.getOriginalMessage());
                }
                return true;
            });
            if (!read.complete()) {
                throw new SourceStoreException("cannot read " + topic + " to its end within " + timeout, null);
            }
            readUpTo = read.ends();
        } catch (KafkaException e) {
            throw new SourceStoreException("cannot read " + topic + ": " + e.getMessage(), e);
        }
        return sources;
    }

    @Override
    public void saved(RegisteredSource source) {
        String id = source.definition().id();
        own(id, await(send(id, json.writeValueAsBytes(StoredSource.of(source, maxSeen)))));
    }

    @Override
    public void removed(String id) {
        own(id, await(send(id, null)));
    }

    private void own(String id, RecordMetadata written) {
        ownOffsets.merge(id, written.offset(), Math::max);
    }

    /**
     * Applies to {@code registry} every change the other replicas write from where {@link #readAll}
     * stopped, on a thread of its own, until {@link #close}. The registry's lock is held while a change
     * is checked against this replica's own writes and applied, so a change of ours read back is never
     * taken for another's.
     */
    public void follow(SourceRegistry registry) {
        Map<TopicPartition, Long> from = readUpTo;
        follower = TopicFollower.start("sources-follower",
                KafkaClients.consumerSettings(bootstrapServers, "ingest-service-sources-follower"),
                (consumer, running) -> {
                    List<TopicPartition> partitions = List.copyOf(from.keySet());
                    consumer.assign(partitions);
                    from.forEach(consumer::seek);
                    return partitions;
                },
                record -> apply(registry, record),
                () -> { },
                e -> log.error("stopped following {}: changes through other replicas reach this one at its next start",
                        topic, e));
    }

    private void apply(SourceRegistry registry, ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String id = new String(record.key(), StandardCharsets.UTF_8);
        synchronized (registry) {
            if (ownOffsets.getOrDefault(id, -1L) >= record.offset()) {
                return;
            }
            if (record.value() == null) {
                registry.removeRemote(id);
                return;
            }
            try {
                registry.applyRemote(json.readValue(record.value(), StoredSource.class));
            } catch (JacksonException e) {
                log.warn("skipping record {} of {} at offset {}: {}", id, topic, record.offset(),
                        e.getOriginalMessage());
            }
        }
    }

    @Override
    public void polled(RegisteredSource source) {
        String id = source.definition().id();
        try {
            producer.send(new ProducerRecord<>(topic, id.getBytes(StandardCharsets.UTF_8),
                    json.writeValueAsBytes(StoredSource.of(source, maxSeen))), (metadata, e) -> {
                        if (e == null) {
                            own(id, metadata);
                        } else {
                            log.warn("the polling state of source {} was not stored ({}); a restart may fetch its feed "
                                    + "in full and publish its items again", id, e.getMessage());
                        }
                    });
        } catch (KafkaException e) {
            log.warn("the polling state of source {} was not stored: {}", id, e.getMessage());
        }
    }

    private Future<RecordMetadata> send(String id, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, id.getBytes(StandardCharsets.UTF_8), value));
        } catch (KafkaException e) {
            throw new SourceStoreException("the sources topic did not take the change: " + e.getMessage(), e);
        }
    }

    private RecordMetadata await(Future<RecordMetadata> sent) {
        try {
            return sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new SourceStoreException("the sources topic did not take the change: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new SourceStoreException("the sources topic did not take the change within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceStoreException("interrupted", e);
        }
    }

    @Override
    public void close() {
        TopicFollower f = follower;
        if (f != null) {
            f.close();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
