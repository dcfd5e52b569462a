package dev.newswire.search.index;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Records polled and waiting for a flush, with the time the oldest arrived and their total size. Each
 * record's preparation (parse, segment, serialise: the indexer's own CPU work) starts when it is buffered.
 * Loop thread only.
 */
final class RecordBuffer {

    /** A polled record and its document, being prepared. */
    record Buffered(ConsumerRecord<byte[], byte[]> record, CompletableFuture<ArticleRecords.Prepared> prepared) {
    }

    private final Function<ConsumerRecord<byte[], byte[]>, CompletableFuture<ArticleRecords.Prepared>> prepare;
    private List<Buffered> records = new ArrayList<>();
    private long bytes;
    private long oldestNanos;

    RecordBuffer(Function<ConsumerRecord<byte[], byte[]>, CompletableFuture<ArticleRecords.Prepared>> prepare) {
        this.prepare = prepare;
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    void addAll(ConsumerRecords<byte[], byte[]> polled) {
        for (ConsumerRecord<byte[], byte[]> record : polled) {
            if (records.isEmpty()) {
                oldestNanos = System.nanoTime();
            }
            records.add(new Buffered(record, prepare.apply(record)));
            bytes += Math.max(0, record.serializedValueSize());
        }
    }

    /** Due when a full set of in-flight batches is buffered, or the oldest record lingered long enough. */
    boolean isDue(long now, IndexerSettings settings) {
        if (records.isEmpty()) {
            return false;
        }
        int inFlight = Math.max(1, settings.getMaxInFlight());
        return records.size() >= (long) settings.getBatchSize() * inFlight
                || bytes >= settings.getBatchBytes() * inFlight
                || now - oldestNanos >= settings.getLinger().toNanos();
    }

    /** Nanoseconds until the oldest record has lingered long enough. */
    long untilDue(long now, Duration linger) {
        return Math.max(0, oldestNanos + linger.toNanos() - now);
    }

    List<Buffered> drain() {
        List<Buffered> drained = records;
        records = new ArrayList<>();
        bytes = 0;
        return drained;
    }

    void drop(Collection<TopicPartition> partitions) {
        records.removeIf(b -> partitions.contains(Indexer.partition(b.record())));
        bytes = records.stream().mapToLong(b -> Math.max(0, b.record().serializedValueSize())).sum();
    }

    /** Drops the partition's records and returns the first one's offset, or -1 if there were none. */
    long drop(TopicPartition partition) {
        long first = records.stream().filter(b -> Indexer.partition(b.record()).equals(partition))
                .mapToLong(b -> b.record().offset()).min().orElse(-1);
        if (first >= 0) {
            drop(List.of(partition));
        }
        return first;
    }

    void clear() {
        drain();
    }
}
