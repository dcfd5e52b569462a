package dev.newswire.search.index;

import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.EventHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.serde.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer: consumes {@code news.enriched.v1}, writes bulk requests to the alias, and commits an offset
 * only after Elasticsearch acknowledged every document up to it (or the record went to the dead-letter
 * topic). One thread, a plain {@link KafkaConsumer} with manual commits:
 *
 * <ol>
 *   <li>poll and buffer records until a flush is due (buffer full in count or bytes, or linger elapsed);</li>
 *   <li>parse each record (on preparation threads, from the moment it is buffered; the next records are
 *       fetched before a batch is written so that their preparation overlaps its bulk requests); a
 *       malformed one becomes a dead letter; of several records of one article only
 *       the last is written ({@code _id} = article id, so it is the one that wins anyway);</li>
 *   <li>write the documents; documents that failed transiently are retried with jittered exponential
 *       backoff while all partitions are paused (the consumer keeps polling, so it stays in its group);
 *       documents rejected for good become dead letters;</li>
 *   <li>publish the dead letters and wait for the broker's acknowledgement;</li>
 *   <li>commit the offsets after the flushed records, and resume.</li>
 * </ol>
 *
 * A crash or a rebalance at any point re-delivers what was not committed: at-least-once, and the
 * idempotent {@code _id} makes the repeat harmless.
 */
@Singleton
@Requires(property = "indexer.enabled", notEquals = "false")
public class Indexer implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

    private final IndexerSettings settings;
    private final String bootstrapServers;
    private final ArticleDocuments documents;
    private final BulkWriter writer;
    private final DeadLetterPublisher deadLetters;
    private final IndexBootstrap bootstrap;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final Backoff backoff;
    private final Counter indexed;
    private final Counter deadLettered;
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
    private final Buffer buffer = new Buffer();
    /** Partitions revoked since the current flush began: their records are dropped, not committed. */
    private final Set<TopicPartition> revokedDuringFlush = new HashSet<>();
    private boolean pausedForRetry;

    public Indexer(IndexerSettings settings, @Value("${kafka.bootstrap-servers}") String bootstrapServers,
                   ArticleDocuments documents, BulkWriter writer, DeadLetterPublisher deadLetters,
                   IndexBootstrap bootstrap, ObjectMapper json, MeterRegistry registry) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.documents = documents;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.bootstrap = bootstrap;
        this.json = json;
        this.registry = registry;
        this.backoff = new Backoff(settings.getRetryBackoff(), settings.getMaxRetryBackoff(), ThreadLocalRandom.current());
        this.indexed = Counter.builder("newswire.indexer.documents").tag("outcome", "indexed")
                .description("Documents acknowledged by Elasticsearch").register(registry);
        this.deadLettered = Counter.builder("newswire.indexer.documents").tag("outcome", "dead_lettered")
                .description("Records sent to the dead-letter topic").register(registry);
        this.retries = Counter.builder("newswire.indexer.retries")
                .description("Retries after transient failures").register(registry);
        this.flushes = Timer.builder("newswire.indexer.flush")
                .description("Time from the start of a flush to its commit")
                .publishPercentileHistogram().register(registry);
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
                Duration delay = backoff.delay(failures++);
                LOG.error("Indexer failed; restarting the consumer in {} ms", delay.toMillis(), e);
                await(delay);
            } finally {
                consumer = null;
                buffer.clear();
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
                Duration delay = backoff.delay(attempt++);
                LOG.warn("Elasticsearch not ready for the index ({}); retrying in {} ms", e.toString(), delay.toMillis());
                await(delay);
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> newConsumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.getGroupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.getMaxPollRecords());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "search-indexer");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private void consume(KafkaConsumer<byte[], byte[]> c) {
        c.subscribe(List.of(settings.getTopic()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Whatever of these partitions is not committed yet is re-delivered to their next owner.
                revokedDuringFlush.addAll(partitions);
                buffer.drop(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (pausedForRetry) {
                    c.pause(partitions);
                }
                LOG.info("Indexer assigned {}", partitions);
            }
        });
        while (running) {
            long now = System.nanoTime();
            Duration timeout = buffer.isEmpty() ? settings.getPollTimeout()
                    : min(settings.getPollTimeout(), buffer.untilDue(now, settings.getLinger()));
            buffer.addAll(c.poll(timeout));
            if (buffer.isDue(System.nanoTime(), settings)) {
                revokedDuringFlush.clear();
                List<Buffered> batch = buffer.drain();
                // Fetch the next records before writing this batch: they are segmented and serialised on
                // the preparation threads while this batch's bulk requests are in flight.
                buffer.addAll(c.poll(Duration.ZERO));
                flush(c, batch);
            }
        }
    }

    private void flush(KafkaConsumer<byte[], byte[]> c, List<Buffered> batch) {
        long started = System.nanoTime();
        batch.removeIf(b -> revokedDuringFlush.contains(partition(b.record())));
        List<ConsumerRecord<byte[], byte[]>> records = batch.stream().map(Buffered::record).toList();
        List<DeadLetter> letters = new ArrayList<>();
        Map<String, Pending> latest = new LinkedHashMap<>();
        for (Buffered buffered : batch) {
            Object outcome = buffered.prepared().join();
            if (outcome instanceof Pending pending) {
                latest.remove(pending.item().id());
                latest.put(pending.item().id(), pending);
            } else {
                letters.add((DeadLetter) outcome);
            }
        }

        List<Pending> toWrite = new ArrayList<>(latest.values());
        int attempt = 0;
        while (!toWrite.isEmpty()) {
            List<BulkWriter.Item> items = toWrite.stream().map(Pending::item).toList();
            List<BulkWriter.Result> results = writer.write(items);
            List<Pending> retry = new ArrayList<>();
            String retryReason = null;
            for (int i = 0; i < results.size(); i++) {
                BulkWriter.Result result = results.get(i);
                Pending pending = toWrite.get(i);
                switch (result.outcome()) {
                    case INDEXED -> indexed.increment();
                    case PERMANENT -> {
                        LOG.warn("Article {} rejected by Elasticsearch: {}", pending.item().id(), result.reason());
                        letters.add(new DeadLetter(pending.record(), DocumentRejectedException.class.getName(),
                                result.reason()));
                    }
                    case TRANSIENT -> {
                        retry.add(pending);
                        retryReason = result.reason();
                        if (result.reason() != null && result.reason().contains("index_not_found_exception")) {
                            bootstrap.invalidate();
                        }
                    }
                }
            }
            if (!retry.isEmpty()) {
                Duration delay = backoff.delay(attempt++);
                retries.increment();
                LOG.warn("{} of {} documents failed transiently (e.g. article {}: {}); partitions paused, retry {} in {} ms",
                        retry.size(), toWrite.size(), retry.get(0).item().id(), retryReason, attempt, delay.toMillis());
                pauseAndWait(c, delay);
                if (!running) {
                    return;
                }
                ensureIndex();
                retry.removeIf(p -> revokedDuringFlush.contains(partition(p.record())));
            }
            toWrite = retry;
        }

        for (DeadLetter letter : letters) {
            int dlqAttempt = 0;
            while (!revokedDuringFlush.contains(partition(letter.record()))) {
                try {
                    deadLetters.publish(letter.record(), letter.exceptionClass(), letter.message());
                    deadLettered.increment();
                    LOG.warn("Article {} from {}-{}@{} sent to the dead-letter topic: {}", key(letter.record()),
                            letter.record().topic(), letter.record().partition(), letter.record().offset(),
                            letter.message());
                    break;
                } catch (DeadLetterPublisher.DeadLetterException e) {
                    Duration delay = backoff.delay(dlqAttempt++);
                    LOG.warn("Dead letter not delivered ({}); retrying in {} ms", e.getMessage(), delay.toMillis());
                    pauseAndWait(c, delay);
                    if (!running) {
                        return;
                    }
                }
            }
        }

        commit(c, records);
        if (pausedForRetry) {
            c.resume(c.paused());
            pausedForRetry = false;
        }
        flushes.record(Duration.ofNanos(System.nanoTime() - started));
    }

    /** The record's document, or its dead letter if it can never be indexed. */
    private Object prepareOrReject(ConsumerRecord<byte[], byte[]> record) {
        try {
            return prepare(record);
        } catch (MalformedEventException e) {
            LOG.warn("Record {}-{}@{} (key {}) is malformed: {}", record.topic(), record.partition(),
                    record.offset(), key(record), e.getMessage());
            return new DeadLetter(record, e.getClass().getName(), e.getMessage());
        } catch (DocumentRejectedException e) {
            LOG.warn("Article {} rejected before sending: {}", key(record), e.getMessage());
            return new DeadLetter(record, e.getClass().getName(), e.getMessage());
        }
    }

    private Pending prepare(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            throw new MalformedEventException("record has no value");
        }
        Header schema = record.headers().lastHeader(EventHeaders.SCHEMA);
        if (schema != null && !EnrichedArticle.SCHEMA.equals(new String(schema.value(), StandardCharsets.UTF_8))) {
            throw new MalformedEventException("unexpected schema " + new String(schema.value(), StandardCharsets.UTF_8));
        }
        EnrichedArticle article;
        try {
            article = json.readValue(record.value(), EnrichedArticle.class);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("not an EnrichedArticle: " + e.getMessage(), e);
        }
        if (article == null) {
            throw new MalformedEventException("record value is JSON null");
        }
        byte[] source;
        try {
            source = json.writeValueAsBytes(documents.toDocument(article));
        } catch (IOException e) {
            throw new MalformedEventException("article " + article.id() + " cannot be written as JSON: " + e.getMessage(), e);
        }
        if (source.length > settings.getMaxDocumentBytes()) {
            throw new DocumentRejectedException("document of " + source.length + " bytes exceeds indexer.max-document-bytes "
                    + settings.getMaxDocumentBytes());
        }
        return new Pending(record, new BulkWriter.Item(article.id(), source));
    }

    private void commit(KafkaConsumer<byte[], byte[]> c, List<ConsumerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            TopicPartition partition = partition(record);
            if (revokedDuringFlush.contains(partition)) {
                continue;
            }
            OffsetAndMetadata next = new OffsetAndMetadata(record.offset() + 1);
            offsets.merge(partition, next, (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            c.commitSync(offsets);
        } catch (CommitFailedException e) {
            // The group moved on (rebalance): the new owner re-indexes from the last commit; _id makes that harmless.
            LOG.warn("Commit of {} failed after a rebalance; the records will be indexed again: {}", offsets, e.getMessage());
        }
    }

    /** Waits while keeping the group membership: all partitions paused, polling without receiving records. */
    private void pauseAndWait(KafkaConsumer<byte[], byte[]> c, Duration delay) {
        c.pause(c.assignment());
        pausedForRetry = true;
        long deadline = System.nanoTime() + delay.toNanos();
        while (running) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            // Paused partitions return nothing; a partition assigned meanwhile is paused by the listener.
            buffer.addAll(c.poll(Duration.ofNanos(Math.min(remaining, settings.getPollTimeout().toNanos()))));
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

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "(none)" : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Pending(ConsumerRecord<byte[], byte[]> record, BulkWriter.Item item) {
    }

    private record DeadLetter(ConsumerRecord<byte[], byte[]> record, String exceptionClass, String message) {
    }

    /** A polled record and its document, being prepared on the preparation threads. */
    private record Buffered(ConsumerRecord<byte[], byte[]> record, CompletableFuture<Object> prepared) {
    }

    /**
     * Records waiting for a flush, with the time the oldest arrived and their total size. Each record's
     * preparation (parse, segment, serialise: the indexer's own CPU work) starts when it is buffered.
     */
    private final class Buffer {
        private List<Buffered> records = new ArrayList<>();
        private long bytes;
        private long oldestNanos;

        boolean isEmpty() {
            return records.isEmpty();
        }

        void addAll(ConsumerRecords<byte[], byte[]> polled) {
            for (ConsumerRecord<byte[], byte[]> record : polled) {
                if (records.isEmpty()) {
                    oldestNanos = System.nanoTime();
                }
                records.add(new Buffered(record,
                        CompletableFuture.supplyAsync(() -> prepareOrReject(record), preparation)));
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

        Duration untilDue(long now, Duration linger) {
            return Duration.ofNanos(Math.max(0, oldestNanos + linger.toNanos() - now));
        }

        List<Buffered> drain() {
            List<Buffered> drained = records;
            records = new ArrayList<>();
            bytes = 0;
            return drained;
        }

        void drop(Collection<TopicPartition> partitions) {
            records.removeIf(b -> partitions.contains(partition(b.record())));
            bytes = records.stream().mapToLong(b -> Math.max(0, b.record().serializedValueSize())).sum();
        }

        void clear() {
            drain();
        }
    }
}
