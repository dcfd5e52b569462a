package dev.newswire.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.EventHeaders;
import dev.newswire.search.StackSupport;
import dev.newswire.search.TestArticles;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The indexer against real Kafka and Elasticsearch: loss-free, idempotent, dead-lettering. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexerIT implements TestPropertyProvider {

    private static final Duration BOUND = Duration.ofSeconds(60);

    private final StackSupport stack = new StackSupport("indexer");

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    MeterRegistry meters;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @AfterAll
    void closeStack() {
        stack.close();
    }

    private static List<EnrichedArticle> articles(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> TestArticles.article(prefix + "-" + i, "en",
                "Article " + prefix + " " + i, "Body of article " + i + " about " + prefix + ".",
                Instant.parse("2025-11-01T00:00:00Z").plusSeconds(3600L * i), List.of(), List.of())).toList();
    }

    private long countOf(List<EnrichedArticle> articles) throws IOException {
        elasticsearch.indices().refresh(r -> r.index(stack.alias));
        List<String> ids = articles.stream().map(EnrichedArticle::id).toList();
        return elasticsearch.count(c -> c.index(stack.alias).query(q -> q.ids(i -> i.values(ids)))).count();
    }

    private long totalDocuments() throws IOException {
        elasticsearch.indices().refresh(r -> r.index(stack.alias));
        return elasticsearch.count(c -> c.index(stack.alias)).count();
    }

    @Test
    void indexesEveryRecordUnderItsArticleIdAndThenCommits() throws IOException {
        List<EnrichedArticle> batch = articles("first", 25);
        batch.forEach(stack::send);

        await().atMost(BOUND).until(() -> countOf(batch) == 25 && stack.caughtUp());
        EnrichedArticle stored = elasticsearch.get(g -> g.index(stack.alias).id(batch.get(3).id()), Map.class).found()
                ? batch.get(3) : null;
        assertThat(stored).isNotNull();
    }

    @Test
    void replayingTheSameRecordsOverwritesInsteadOfDuplicating() throws IOException {
        List<EnrichedArticle> batch = articles("replay", 10);
        batch.forEach(stack::send);
        await().atMost(BOUND).until(() -> countOf(batch) == 10 && stack.caughtUp());
        long before = totalDocuments();

        batch.forEach(stack::send);
        batch.forEach(stack::send);

        await().atMost(BOUND).until(stack::caughtUp);
        assertThat(countOf(batch)).isEqualTo(10);
        assertThat(totalDocuments()).isEqualTo(before);
    }

    @Test
    void offsetsAreNotCommittedWhileElasticsearchRefusesWritesAndNothingIsLostWhenItAccepts() throws IOException {
        await().atMost(BOUND).until(stack::caughtUp);
        Map<Integer, Long> committedBefore = stack.committed();
        double retriesBefore = meters.counter("newswire.indexer.retries").count();
        // A real refusal: with an index write block Elasticsearch answers every bulk item 403 cluster_block_exception.
        elasticsearch.indices().putSettings(s -> s.index(stack.index).settings(i -> i.blocks(b -> b.write(true))));
        List<EnrichedArticle> blocked = articles("blocked", 6);
        try {
            blocked.forEach(stack::send);

            await().atMost(BOUND).until(() -> meters.counter("newswire.indexer.retries").count() >= retriesBefore + 3);
            assertThat(stack.committed()).isEqualTo(committedBefore);
            assertThat(stack.caughtUp()).isFalse();
            assertThat(countOf(blocked)).isZero();
        } finally {
            elasticsearch.indices().putSettings(s -> s.index(stack.index).settings(i -> i.blocks(b -> b.write(false))));
        }

        await().atMost(BOUND).until(() -> countOf(blocked) == 6 && stack.caughtUp());
    }

    @Test
    void mappingRejectionGoesToTheDeadLetterTopicWithItsOriginAndTheNextRecordIsIndexed() throws IOException {
        EnrichedArticle base = articles("rejected", 1).get(0);
        // Valid JSON and a valid Instant, but beyond the four-digit years of the date mapping.
        EnrichedArticle rejected = new EnrichedArticle(base.id(), base.url(), base.canonicalUrl(), base.sourceId(),
                base.sourceName(), base.ingestMethod(), base.fetchedAt(), base.title(), null, null,
                Instant.parse("+20000-01-01T00:00:00Z"), "en", base.body(), null, null, null, null, null, null,
                base.enrichedAt(), "test");
        EnrichedArticle next = articles("after-rejected", 1).get(0);

        RecordMetadata sent = stack.send(rejected);
        stack.send(next);

        ConsumerRecord<String, byte[]> letter = deadLetter(rejected.id());
        assertThat(header(letter, EventHeaders.DLQ_EXCEPTION_CLASS)).isEqualTo(DocumentRejectedException.class.getName());
        assertThat(header(letter, EventHeaders.DLQ_EXCEPTION_MESSAGE)).contains("publishedAt");
        assertThat(header(letter, EventHeaders.DLQ_ORIGINAL_TOPIC)).isEqualTo(stack.topic);
        assertThat(ByteBuffer.wrap(letter.headers().lastHeader(EventHeaders.DLQ_ORIGINAL_PARTITION).value()).getInt())
                .isEqualTo(sent.partition());
        assertThat(ByteBuffer.wrap(letter.headers().lastHeader(EventHeaders.DLQ_ORIGINAL_OFFSET).value()).getLong())
                .isEqualTo(sent.offset());
        assertThat(header(letter, EventHeaders.SCHEMA)).isEqualTo(EnrichedArticle.SCHEMA);
        await().atMost(BOUND).until(() -> countOf(List.of(next)) == 1 && stack.caughtUp());
        assertThat(countOf(List.of(rejected))).isZero();
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopic() throws IOException {
        EnrichedArticle next = articles("after-malformed", 1).get(0);

        stack.send("not-json", "{\"id\": \"x\", \"title\": ".getBytes(StandardCharsets.UTF_8));
        stack.send(next);

        ConsumerRecord<String, byte[]> letter = deadLetter("not-json");
        assertThat(header(letter, EventHeaders.DLQ_EXCEPTION_CLASS)).isEqualTo(MalformedEventException.class.getName());
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{\"id\": \"x\", \"title\": ");
        await().atMost(BOUND).until(() -> countOf(List.of(next)) == 1 && stack.caughtUp());
    }

    private ConsumerRecord<String, byte[]> deadLetter(String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, StackSupport.kafka()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(stack.deadLetterTopic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(BOUND).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
