package dev.newswire.ingest.support;

import dev.newswire.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads {@code news.raw.v1} from the beginning with a plain Kafka consumer, in the background. */
public final class RawTopicReader implements AutoCloseable {

    private final List<ConsumerRecord<byte[], byte[]>> records = new CopyOnWriteArrayList<>();
    private final Map<Integer, Long> nextOffsets = new ConcurrentHashMap<>();
    private final String servers;
    private final Thread thread;
    private volatile boolean reading = true;

    public RawTopicReader(String servers) {
        this.servers = servers;
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(() -> {
            try (consumer) {
                consumer.subscribe(List.of(Topics.RAW));
                while (reading) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        records.add(r);
                        nextOffsets.merge(r.partition(), r.offset() + 1, Math::max);
                    }
                }
            }
        }, "raw-topic-reader");
        thread.start();
    }

    /** Records whose key is {@code id}. */
    public List<ConsumerRecord<byte[], byte[]>> withKey(String id) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        return records.stream().filter(r -> r.key() != null && java.util.Arrays.equals(r.key(), key)).toList();
    }

    /** The topic's current end offsets, to know when this reader has seen everything written so far. */
    public Map<Integer, Long> endOffsets() {
        try (KafkaConsumer<byte[], byte[]> probe = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = probe.partitionsFor(Topics.RAW);
            Map<Integer, Long> ends = new HashMap<>();
            probe.endOffsets(partitions.stream().map(p -> new TopicPartition(Topics.RAW, p.partition())).toList())
                    .forEach((tp, end) -> ends.put(tp.partition(), end));
            return ends;
        }
    }

    /** Whether this reader has read every record below the given end offsets. */
    public boolean hasReadUpTo(Map<Integer, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                || nextOffsets.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        reading = false;
        thread.join(5000);
    }
}
