package dev.newswire.search.index;

import dev.newswire.runtime.retry.Backoff;
import dev.newswire.runtime.stream.KafkaClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer's Kafka follow loop: consumes {@code news.enriched.v1}, hands each flush to the {@link Flusher},
 * and commits a partition's offset only up to its first record that is not done (indexed or dead-lettered).
 * One thread, a plain {@link KafkaConsumer} with manual commits:
 *
 * <ol>
 *   <li>poll and buffer records until a flush is due (buffer full in count or bytes, or linger elapsed, or a
 *       waiting partition's retry time came); each record is prepared ({@link ArticleRecords}) on preparation
 *       threads from the moment it is buffered, and the next records are fetched before a flush is written so
 *       that their preparation overlaps its bulk requests;</li>
 *   <li>of several records of one article in a flush only the last is written ({@code _id} = article id, so it
 *       is the one that wins anyway);</li>
 *   <li>flush; a partition whose records must be retried is paused (its buffered records are put back) and
 *       retried after a jittered exponential backoff of its own, while every other partition keeps flowing;</li>
 *   <li>commit each partition's progress, and resume the partitions that have nothing waiting.</li>
 * </ol>
 *
 * A crash or a rebalance at any point re-delivers what was not committed: at-least-once, and the
 * idempotent {@code _id} makes the repeat harmless. Pausing the partition keeps one article's records in
 * order: an article's records all live in one partition (key = id), and none of them is written while an
 * earlier one waits.
 */
@Singleton
@Requires(property = "indexer.enabled", notEquals = "false")
public class Indexer implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

    private final IndexerSettings settings;
    private final String bootstrapServers;
    private final ArticleRecords records;
    private final Flusher flusher;
    private final IndexBootstrap bootstrap;
    private final MeterRegistry registry;
    private final Backoff backoff;
    private final Counter retries;
    private final Timer flushes;

    /** Threads that prepare documents; daemon threads, so they never hold the JVM up. */
    private final ExecutorService preparation = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread t = new Thread(runnable, "search-indexer-prepare");
                t.setDaemon(true);
                return t;
            });
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    /** Records buffered for the next flush (loop thread only). */
    private final RecordBuffer buffer;
    /** Progress of the assigned partitions (loop thread only; read by the paused-partitions gauge). */
    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();

    public Indexer(IndexerSettings settings, @Value("${kafka.bootstrap-servers}") String bootstrapServers,
                   ArticleRecords records, Flusher flusher, IndexBootstrap bootstrap, MeterRegistry registry) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.records = records;
        this.flusher = flusher;
        this.bootstrap = bootstrap;
        this.registry = registry;
        this.buffer = new RecordBuffer(record -> CompletableFuture.supplyAsync(() -> records.prepare(record), preparation));
        this.backoff = new Backoff(settings.getRetryBackoff(), settings.getMaxRetryBackoff());
        this.retries = Counter.builder("newswire.indexer.retries")
                .description("Partitions paused for a retry after a transient failure").register(registry);
        this.flushes = Timer.builder("newswire.indexer.flush")
                .description("Time from the start of a flush to its commit")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("newswire.indexer.waiting.partitions", progress,
                        p -> p.values().stream().filter(PartitionProgress::isWaiting).count())
                .description("Partitions paused until their records can be retried").register(registry);
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "search-indexer");
        thread.start();
    }

    /** Stops the loop: nothing after the last commit is committed, so it is consumed again next time. */
    @PreDestroy
    public void stop() throws InterruptedException {
        running = false;
        stopped.countDown();
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        preparation.shutdownNow();
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                ensureIndex();
                try (KafkaConsumer<byte[], byte[]> c = newConsumer();
                     KafkaClientMetrics metrics = new KafkaClientMetrics(c)) {
                    metrics.bindTo(registry);
                    consumer = c;
                    consume(c);
                }
                failures = 0;
            } catch (WakeupException e) {
                if (running) {
                    LOG.warn("Indexer woken up while running; restarting the consumer");
                }
            } catch (RuntimeException e) {
                // Nothing uncommitted is lost: a new consumer starts again from the committed offsets.
                Duration delay = backoff.delay(++failures);
                LOG.error("Indexer failed; restarting the consumer in {} ms", delay.toMillis(), e);
                await(delay);
            } finally {
                consumer = null;
                buffer.clear();
                progress.clear();
            }
        }
        LOG.info("Indexer stopped");
    }

    private void ensureIndex() {
        int attempt = 0;
        while (running) {
            try {
                bootstrap.ensureIndex();
                return;
            } catch (IOException | RuntimeException e) {
                Duration delay = backoff.delay(++attempt);
                LOG.warn("Elasticsearch not ready for the index ({}); retrying in {} ms", e.toString(), delay.toMillis());
                await(delay);
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> newConsumer() {
        Map<String, Object> config = KafkaClients.consumerSettings(bootstrapServers, "search-indexer");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.getGroupId());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.getMaxPollRecords());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return KafkaClients.consumer(config);
    }

    private void consume(KafkaConsumer<byte[], byte[]> c) {
        c.subscribe(List.of(settings.getTopic()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Whatever of these partitions is not committed yet is re-delivered to their next owner.
                buffer.drop(partitions);
                progress.keySet().removeAll(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                LOG.info("Indexer assigned {}", partitions);
            }
        });
        while (running) {
            buffer.addAll(c.poll(pollTimeout(System.nanoTime())));
            long now = System.nanoTime();
            if (buffer.isDue(now, settings) || progress.values().stream().anyMatch(p -> p.isDue(now))) {
                List<RecordBuffer.Buffered> batch = buffer.drain();
                // Fetch the next records before writing this batch: they are segmented and serialised on
                // the preparation threads while this batch's bulk requests are in flight.
                buffer.addAll(c.poll(Duration.ZERO));
                flush(c, batch);
            }
        }
    }

    /** Until the buffer is due or a waiting partition's retry time comes, at most the poll timeout. */
    private Duration pollTimeout(long now) {
        long nanos = settings.getPollTimeout().toNanos();
        if (!buffer.isEmpty()) {
            nanos = Math.min(nanos, buffer.untilDue(now, settings.getLinger()));
        }
        for (PartitionProgress p : progress.values()) {
            if (p.isWaiting()) {
                nanos = Math.min(nanos, Math.max(0, p.retryAtNanos() - now));
            }
        }
        return Duration.ofNanos(nanos);
    }

    private void flush(KafkaConsumer<byte[], byte[]> c, List<RecordBuffer.Buffered> batch) {
        long started = System.nanoTime();
        Set<TopicPartition> owned = c.assignment();
        Map<TopicPartition, PartitionProgress> touched = new LinkedHashMap<>();
        List<Work> work = new ArrayList<>();

        // Records of partitions waiting for a retry, when it is due: they come first, being the older.
        for (Map.Entry<TopicPartition, PartitionProgress> entry : progress.entrySet()) {
            if (entry.getValue().isDue(started) && owned.contains(entry.getKey())) {
                touched.put(entry.getKey(), entry.getValue());
                work.addAll(entry.getValue().takeWaiting());
            }
        }
        Map<String, Work.Write> latest = new LinkedHashMap<>();
        Set<String> seenAsOriginal = new HashSet<>();
        for (RecordBuffer.Buffered buffered : batch) {
            TopicPartition partition = partition(buffered.record());
            if (!owned.contains(partition)) {
                continue;
            }
            touched.computeIfAbsent(partition, p -> progress.computeIfAbsent(p, k -> new PartitionProgress()))
                    .flushed(buffered.record().offset());
            ArticleRecords.Prepared prepared = buffered.prepared().join();
            if (prepared instanceof ArticleRecords.Document document) {
                String id = document.item().id();
                boolean original = seenAsOriginal.contains(id);
                if (document.duplicateOf() == null) {
                    seenAsOriginal.add(id);
                }
                latest.remove(id);
                latest.put(id, new Work.Write(document, original, 0));
            } else {
                work.add(new Work.Publish(((ArticleRecords.Rejected) prepared).letter()));
            }
        }
        work.addAll(latest.values());

        List<Flusher.Retry> failed = work.isEmpty() ? List.of() : flusher.flush(work);

        Map<TopicPartition, Flusher.Retry> firstFailure = new LinkedHashMap<>();
        for (Flusher.Retry retry : failed) {
            TopicPartition partition = partition(retry.work().record());
            PartitionProgress p = touched.get(partition);
            if (p != null) {
                p.retryLater(retry.work());
                firstFailure.putIfAbsent(partition, retry);
            }
        }
        long now = System.nanoTime();
        for (Map.Entry<TopicPartition, PartitionProgress> entry : touched.entrySet()) {
            TopicPartition partition = entry.getKey();
            PartitionProgress p = entry.getValue();
            Flusher.Retry example = firstFailure.get(partition);
            if (example != null) {
                Duration delay = backoff.delay(p.failures() + 1);
                int failures = p.failed(now + delay.toNanos());
                retries.increment();
                LOG.warn("Partition {} paused: records to retry (e.g. {}, key {}: {}); retry {} in {} ms", partition,
                        DeadLetterPublisher.origin(example.work().record()), ArticleRecords.key(example.work().record()),
                        ArticleRecords.abbreviate(example.reason()), failures, delay.toMillis());
                pauseAndRewind(c, partition);
            } else if (!p.isWaiting()) {
                if (p.failures() > 0) {
                    LOG.info("Partition {} resumed after {} retries", partition, p.failures());
                }
                p.succeeded();
                if (c.paused().contains(partition)) {
                    c.resume(List.of(partition));
                }
            }
        }
        commit(c, touched);
        flushes.record(Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Pauses a partition and puts back its buffered records (fetched before it had to wait): none of them
     * may be written before the waiting ones, and the consumer fetches them again after the resume.
     */
    private void pauseAndRewind(KafkaConsumer<byte[], byte[]> c, TopicPartition partition) {
        c.pause(List.of(partition));
        long first = buffer.drop(partition);
        if (first >= 0) {
            c.seek(partition, first);
        }
    }

    private void commit(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, PartitionProgress> touched) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        touched.forEach((partition, p) -> {
            long offset = p.toCommit();
            if (offset >= 0) {
                offsets.put(partition, new OffsetAndMetadata(offset));
            }
        });
        if (offsets.isEmpty()) {
            return;
        }
        try {
            c.commitSync(offsets);
            offsets.forEach((partition, offset) -> touched.get(partition).committed(offset.offset()));
        } catch (CommitFailedException e) {
            // The group moved on (rebalance): the new owner re-indexes from the last commit; _id makes that harmless.
            LOG.warn("Commit of {} failed after a rebalance; the records will be indexed again: {}", offsets, e.getMessage());
        }
    }

    private void await(Duration delay) {
        try {
            stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }
}
