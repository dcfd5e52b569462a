package dev.newswire.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.EventHeaders;
import dev.newswire.model.EventLimits;
import dev.newswire.runtime.stream.MalformedEventException;
import dev.newswire.runtime.stream.UnknownSchemaException;
import dev.newswire.search.StackSupport;
import dev.newswire.search.TestArticles;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The poison inputs of news.enriched.v1, each against real Kafka and Elasticsearch: every one goes to the
 * dead-letter topic with headers naming the error and its origin, cut to the dead-letter limit when longer,
 * and the record after it in the same partition is indexed and committed without waiting for it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexerPoisonIT implements TestPropertyProvider {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final Map<String, String> ENRICHED_SCHEMA = Map.of(EventHeaders.SCHEMA, EnrichedArticle.SCHEMA);

    private final StackSupport stack = new StackSupport("poison");

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @AfterAll
    void closeStack() {
        stack.close();
    }

    private static EnrichedArticle article(String slug) {
        return TestArticles.article(slug, "en", "Article " + slug, "Body of " + slug + ".",
                Instant.parse("2025-11-03T00:00:00Z"), List.of(), List.of());
    }

    private static byte[] json(EnrichedArticle article) throws IOException {
        return ObjectMapper.getDefault().writeValueAsBytes(article);
    }

    @Test
    void malformedJsonIsDeadLetteredAndTheNextRecordOfItsPartitionIsIndexed() throws IOException {
        byte[] value = "{\"id\": \"x\", \"title\": ".getBytes(StandardCharsets.UTF_8);
        RecordMetadata poison = stack.send(0, "not-json", value, ENRICHED_SCHEMA);

        ConsumerRecord<String, byte[]> letter = afterPoison(poison, "after-malformed");

        assertThat(header(letter, EventHeaders.DLQ_EXCEPTION_CLASS)).isEqualTo(MalformedEventException.class.getName());
        assertThat(letter.value()).isEqualTo(value);
        assertThat(letter.key()).isEqualTo("not-json");
        assertThat(letter.headers().lastHeader(EventHeaders.DLQ_TRUNCATED)).isNull();
    }

    @Test
    void unknownSchemaVersionIsDeadLetteredNamingTheSchema() throws IOException {
        EnrichedArticle article = article("schema-v9");
        RecordMetadata poison = stack.send(0, article.id(), json(article), Map.of(EventHeaders.SCHEMA, "EnrichedArticle/v9"));

        ConsumerRecord<String, byte[]> letter = afterPoison(poison, "after-schema");

        assertThat(header(letter, EventHeaders.DLQ_EXCEPTION_CLASS)).isEqualTo(UnknownSchemaException.class.getName());
        assertThat(header(letter, EventHeaders.DLQ_EXCEPTION_MESSAGE)).contains("EnrichedArticle/v9");
        assertThat(header(letter, EventHeaders.SCHEMA)).isEqualTo("EnrichedArticle/v9");
        assertThat(indexed(article)).isFalse();
    }

    @Test
    void mappingRejectionIsDeadLetteredAloneAndTheRestOfItsBulkIsIndexed() throws IOException {
        EnrichedArticle base = article("mapping-rejected");
        // Valid JSON and a valid Instant, but beyond the four-digit years of the date mapping.
        EnrichedArticle rejected = new EnrichedArticle(base.id(), base.url(), base.canonicalUrl(), base.sourceId(),
                base.sourceName(), base.ingestMethod(), base.fetchedAt(), base.title(), null, null,
                Instant.parse("+20000-01-01T00:00:00Z"), "en", base.body(), null, null, null, null, null, null,
                base.enrichedAt(), "test");
        RecordMetadata poison = stack.send(0, rejected);

        ConsumerRecord<String, byte[]> letter = afterPoison(poison, "after-mapping");

        assertThat(header(letter, EventHeaders.DLQ_EXCEPTION_CLASS)).isEqualTo(DocumentRejectedException.class.getName());
        assertThat(header(letter, EventHeaders.DLQ_EXCEPTION_MESSAGE)).contains("publishedAt");
        assertThat(header(letter, EventHeaders.SCHEMA)).isEqualTo(EnrichedArticle.SCHEMA);
        assertThat(indexed(rejected)).isFalse();
    }

    @Test
    void hugeMalformedRecordIsDeadLetteredCutToTheLimitWithItsOriginalSize() {
        // As large as a topic takes, no JSON at all.
        byte[] value = new byte[EventLimits.MAX_RECORD_BYTES - 4096];
        Random random = new Random(16);
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) ('!' + random.nextInt(90));
        }
        RecordMetadata poison = stack.send(0, "huge", value, ENRICHED_SCHEMA);

        ConsumerRecord<String, byte[]> letter = afterPoison(poison, "after-huge");

        assertThat(header(letter, EventHeaders.DLQ_EXCEPTION_CLASS)).isEqualTo(MalformedEventException.class.getName());
        assertThat(letter.value()).hasSize(EventLimits.MAX_DEAD_LETTER_VALUE_BYTES)
                .isEqualTo(Arrays.copyOf(value, EventLimits.MAX_DEAD_LETTER_VALUE_BYTES));
        assertThat(header(letter, EventHeaders.DLQ_TRUNCATED)).isEqualTo("true");
        assertThat(header(letter, EventHeaders.DLQ_ORIGINAL_SIZE)).isEqualTo(Integer.toString(value.length));
    }

    @Test
    void longArticleIsIndexedAndFoundBySearch() throws Exception {
        EnrichedArticle base = article("long-article");
        // About 3 MB of text: longer than Elasticsearch highlights by default, still news.
        String body = "The harbour authority published its annual report on shipping volumes. ".repeat(42_000);
        EnrichedArticle longArticle = new EnrichedArticle(base.id(), base.url(), base.canonicalUrl(), base.sourceId(),
                base.sourceName(), base.ingestMethod(), base.fetchedAt(), base.title(), null, null, base.publishedAt(),
                "en", body, null, null, null, null, null, null, base.enrichedAt(), "test");
        RecordMetadata sent = stack.send(0, longArticle);

        await().atMost(BOUND).until(() -> indexed(longArticle)
                && stack.committed().getOrDefault(sent.partition(), -1L) >= sent.offset() + 1);
        HttpResponse<String> found = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.getURL() + "/api/v1/search?q=harbour%20authority%20shipping")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains(longArticle.id());
    }

    @Test
    void articleIdElasticsearchCannotTakeIsDeadLettered() throws IOException {
        EnrichedArticle base = article("long-id");
        EnrichedArticle longId = new EnrichedArticle("x".repeat(600), base.url(), base.canonicalUrl(), base.sourceId(),
                base.sourceName(), base.ingestMethod(), base.fetchedAt(), base.title(), null, null, base.publishedAt(),
                "en", base.body(), null, null, null, null, null, null, base.enrichedAt(), "test");
        RecordMetadata poison = stack.send(0, "long-id", json(longId), ENRICHED_SCHEMA);

        ConsumerRecord<String, byte[]> letter = afterPoison(poison, "after-long-id");

        assertThat(header(letter, EventHeaders.DLQ_EXCEPTION_CLASS)).isEqualTo(MalformedEventException.class.getName());
        assertThat(header(letter, EventHeaders.DLQ_EXCEPTION_MESSAGE)).contains("512 bytes");
    }

    /**
     * Sends a good article right after the poison record, into its partition; waits until the good one is
     * indexed and the partition committed past both; returns the poison's dead letter after checking its origin.
     */
    private ConsumerRecord<String, byte[]> afterPoison(RecordMetadata poison, String next) {
        EnrichedArticle good = article(next);
        RecordMetadata sent = stack.send(poison.partition(), good);
        await().atMost(BOUND).until(() -> indexed(good)
                && stack.committed().getOrDefault(poison.partition(), -1L) >= sent.offset() + 1);
        ConsumerRecord<String, byte[]> letter = stack.deadLetters().stream()
                .filter(l -> offset(l) == poison.offset() && partition(l) == poison.partition()).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter of offset " + poison.offset()));
        assertThat(header(letter, EventHeaders.DLQ_ORIGINAL_TOPIC)).isEqualTo(stack.topic);
        return letter;
    }

    private boolean indexed(EnrichedArticle article) throws IOException {
        elasticsearch.indices().refresh(r -> r.index(stack.alias));
        return elasticsearch.count(c -> c.index(stack.alias).query(q -> q.ids(i -> i.values(article.id())))).count() == 1;
    }

    static long offset(ConsumerRecord<String, byte[]> letter) {
        return ByteBuffer.wrap(letter.headers().lastHeader(EventHeaders.DLQ_ORIGINAL_OFFSET).value()).getLong();
    }

    static int partition(ConsumerRecord<String, byte[]> letter) {
        return ByteBuffer.wrap(letter.headers().lastHeader(EventHeaders.DLQ_ORIGINAL_PARTITION).value()).getInt();
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
