package dev.newswire.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RecordBufferTest {

    private static final TopicPartition P0 = new TopicPartition("news.enriched.v1", 0);
    private static final TopicPartition P1 = new TopicPartition("news.enriched.v1", 1);

    private final RecordBuffer buffer = new RecordBuffer(r -> new CompletableFuture<>());

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset, int size) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, 0L, TimestampType.CREATE_TIME, 0,
                size, null, new byte[size], new RecordHeaders(), Optional.empty());
    }

    @SafeVarargs
    private static ConsumerRecords<byte[], byte[]> polled(ConsumerRecord<byte[], byte[]>... records) {
        Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            byPartition.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), p -> new java.util.ArrayList<>()).add(r);
        }
        return new ConsumerRecords<>(byPartition);
    }

    private static IndexerSettings settings(int batchSize, long batchBytes, int inFlight, Duration linger) {
        IndexerSettings settings = new IndexerSettings();
        settings.setBatchSize(batchSize);
        settings.setBatchBytes(batchBytes);
        settings.setMaxInFlight(inFlight);
        settings.setLinger(linger);
        return settings;
    }

    @Test
    void anEmptyBufferIsNeverDue() {
        assertThat(buffer.isDue(Long.MAX_VALUE, settings(1, 1, 1, Duration.ZERO))).isFalse();
    }

    @Test
    void dueWhenAFullSetOfInFlightBatchesIsBufferedByCountOrBytes() {
        long now = System.nanoTime();
        buffer.addAll(polled(record(P0, 0, 10), record(P0, 1, 10), record(P0, 2, 10)));

        assertThat(buffer.isDue(now, settings(2, 1_000, 2, Duration.ofHours(1)))).isFalse();
        assertThat(buffer.isDue(now, settings(1, 1_000, 3, Duration.ofHours(1)))).isTrue();
        assertThat(buffer.isDue(now, settings(100, 15, 2, Duration.ofHours(1)))).isTrue();
    }

    @Test
    void dueWhenTheOldestRecordLingeredLongEnough() {
        buffer.addAll(polled(record(P0, 0, 10)));
        long now = System.nanoTime();
        IndexerSettings settings = settings(100, 1_000_000, 1, Duration.ofSeconds(2));

        assertThat(buffer.isDue(now, settings)).isFalse();
        assertThat(buffer.untilDue(now, Duration.ofSeconds(2))).isBetween(Duration.ofSeconds(1).toNanos(),
                Duration.ofSeconds(2).toNanos());
        assertThat(buffer.isDue(now + Duration.ofSeconds(3).toNanos(), settings)).isTrue();
        assertThat(buffer.untilDue(now + Duration.ofSeconds(3).toNanos(), Duration.ofSeconds(2))).isZero();
    }

    @Test
    void eachRecordsPreparationStartsWhenItIsBuffered() {
        List<ConsumerRecord<byte[], byte[]>> prepared = new java.util.ArrayList<>();
        RecordBuffer preparing = new RecordBuffer(r -> {
            prepared.add(r);
            return new CompletableFuture<>();
        });
        ConsumerRecord<byte[], byte[]> a = record(P0, 0, 1);
        ConsumerRecord<byte[], byte[]> b = record(P1, 0, 1);

        preparing.addAll(polled(a, b));

        assertThat(prepared).containsExactly(a, b);
    }

    @Test
    void droppingAPartitionReturnsItsFirstOffsetAndKeepsTheOthersAndTheirBytes() {
        buffer.addAll(polled(record(P0, 5, 10), record(P0, 6, 10), record(P1, 3, 100)));

        assertThat(buffer.drop(P0)).isEqualTo(5);
        assertThat(buffer.drop(P0)).isEqualTo(-1);
        assertThat(buffer.isDue(System.nanoTime(), settings(100, 101, 1, Duration.ofHours(1)))).isFalse();
        assertThat(buffer.isDue(System.nanoTime(), settings(100, 100, 1, Duration.ofHours(1)))).isTrue();
        assertThat(buffer.drain()).extracting(b -> b.record().offset()).containsExactly(3L);
        assertThat(buffer.isEmpty()).isTrue();
    }

    @Test
    void drainingHandsOverEverythingInOrderAndEmptiesTheBuffer() {
        buffer.addAll(polled(record(P0, 0, 10), record(P0, 1, 10)));

        assertThat(buffer.drain()).extracting(b -> b.record().offset()).containsExactly(0L, 1L);
        assertThat(buffer.isEmpty()).isTrue();
        assertThat(buffer.isDue(Long.MAX_VALUE, settings(1, 1, 1, Duration.ZERO))).isFalse();
    }
}
