package dev.newswire.enrich.service.dedup;

import dev.newswire.enrich.dedup.NearDuplicateIndex;
import dev.newswire.enrich.dedup.SimHash;
import dev.newswire.model.Topics;
import dev.newswire.runtime.stream.KafkaClients;
import dev.newswire.runtime.stream.TopicFollower;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the near-duplicate index from the enriched topic, so that what this instance did before a
 * restart, and what the other instances do, counts as seen: at start it reads the enriched
 * articles of the last {@link DedupProperties#getWindow window} (every partition, without a
 * consumer group) and holds back the stream's input binding until it has caught up, or until
 * {@link DedupProperties#getLoadTimeout}; then it keeps reading new ones. The topic is the index's
 * changelog: nothing else needs to be stored or shared. A record without an id or SimHash, or that
 * is no JSON, is skipped and counted. Partitions added to the topic later are read from the next start.
 */
public class EnrichedHistory implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EnrichedHistory.class);
    /** Before the input bindings (phase {@code Integer.MAX_VALUE - 3000}), after the output ones. */
    private static final int PHASE = 0;
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final NearDuplicateIndex index;
    private final String bootstrapServers;
    private final DedupProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final Counter read;
    private final Counter skipped;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running;
    /** Records older than this (epoch millis; set at start) are left out, wherever they stand in a partition. */
    private volatile long windowStart;
    private volatile TopicFollower follower;

    public EnrichedHistory(NearDuplicateIndex index, String bootstrapServers, DedupProperties properties,
                           JsonMapper json, MeterRegistry meters, Clock clock) {
        this.index = index;
        this.bootstrapServers = bootstrapServers;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.read = Counter.builder("newswire.enrich.dedup.history").tag("outcome", "read")
                .description("Enriched articles read back into the near-duplicate index").register(meters);
        this.skipped = Counter.builder("newswire.enrich.dedup.history").tag("outcome", "skipped")
                .description("Enriched articles read back into the near-duplicate index").register(meters);
    }

    @Override
    public void start() {
        running = true;
        windowStart = clock.millis() - properties.getWindow().toMillis();
        long started = clock.millis();
        Map<String, Object> settings = KafkaClients.consumerSettings(bootstrapServers, "enrich-service-history");
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        follower = TopicFollower.start("enriched-history", settings, this::partitions, this::add,
                () -> {
                    if (caughtUp()) {
                        return; // there was no topic to read
                    }
                    log.info("Near-duplicate index caught up: {} enriched articles of the last {} read in {} ms",
                            (long) read.count(), properties.getWindow(), clock.millis() - started);
                    caughtUp.countDown();
                },
                e -> {
                    log.error("Near-duplicate index stopped reading enriched articles", e);
                    caughtUp.countDown();
                });
        try {
            if (!caughtUp.await(properties.getLoadTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Near-duplicate index still reading enriched articles after {}: taking new articles "
                        + "meanwhile, so a near-duplicate of an older one may pass until it is done",
                        properties.getLoadTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the articles enriched before the start have all been read. */
    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    @Override
    public void stop() {
        running = false;
        TopicFollower f = follower;
        if (f != null) {
            f.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * The partitions of the enriched topic, each at the first article of the window; waits while
     * Kafka cannot be reached, and while the topic does not exist yet (then nothing was enriched
     * before, and the service need not wait).
     */
    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c, BooleanSupplier following) {
        while (following.getAsBoolean()) {
            try {
                List<PartitionInfo> infos = c.partitionsFor(Topics.ENRICHED);
                if (infos == null || infos.isEmpty()) {
                    if (!caughtUp()) {
                        log.info("No {} topic yet: the near-duplicate index starts empty", Topics.ENRICHED);
                        caughtUp.countDown();
                    }
                    sleep();
                    continue;
                }
                List<TopicPartition> partitions = infos.stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                c.assign(partitions);
                Map<TopicPartition, Long> times = new HashMap<>();
                partitions.forEach(p -> times.put(p, windowStart));
                Map<TopicPartition, OffsetAndTimestamp> offsets = c.offsetsForTimes(times);
                for (TopicPartition p : partitions) {
                    OffsetAndTimestamp at = offsets.get(p);
                    if (at != null) {
                        c.seek(p, at.offset());
                    } else {
                        c.seekToEnd(List.of(p)); // nothing in the window
                    }
                }
                return partitions;
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                log.warn("Cannot read {} yet ({}); retrying in {}", Topics.ENRICHED, e.getMessage(), RETRY);
                sleep();
            }
        }
        return List.of();
    }

    private void add(ConsumerRecord<byte[], byte[]> record) {
        if (record.timestamp() < windowStart) {
            return; // a producer's timestamp may be older than those before it
        }
        try {
            JsonNode article = record.value() == null ? null : json.readTree(record.value());
            JsonNode id = article == null ? null : article.get("id");
            JsonNode simhash = article == null ? null : article.get("simhash");
            if (id == null || !id.isString() || simhash == null || !simhash.isString()) {
                skipped.increment();
                return;
            }
            index.add(id.asString(), SimHash.parseHex(simhash.asString()));
            read.increment();
        } catch (JacksonException | NumberFormatException e) {
            skipped.increment();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
