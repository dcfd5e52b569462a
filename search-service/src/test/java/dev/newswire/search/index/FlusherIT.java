package dev.newswire.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.EventHeaders;
import dev.newswire.search.StackSupport;
import dev.newswire.search.TestArticles;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One flush against real Elasticsearch and Kafka, without the indexer's loop: what is written, dead-lettered, retried. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlusherIT implements TestPropertyProvider {

    private final StackSupport stack = new StackSupport("flusher");

    @Inject
    Flusher flusher;

    @Inject
    ArticleRecords records;

    @Inject
    ElasticsearchClient elasticsearch;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put("indexer.enabled", "false");
        return properties;
    }

    @AfterAll
    void closeStack() {
        stack.close();
    }

    private static EnrichedArticle article(String slug) {
        return TestArticles.article(slug, "en", "Article " + slug, "Body of " + slug + ".",
                Instant.parse("2025-11-03T00:00:00Z"), List.of(), List.of());
    }

    private ConsumerRecord<byte[], byte[]> record(long offset, EnrichedArticle article) throws IOException {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.SCHEMA, EnrichedArticle.SCHEMA.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(stack.topic, 0, offset, 0L, TimestampType.CREATE_TIME, -1, -1,
                article.id().getBytes(StandardCharsets.UTF_8), ObjectMapper.getDefault().writeValueAsBytes(article),
                headers, Optional.empty());
    }

    private Work.Write write(long offset, EnrichedArticle article) throws IOException {
        ArticleRecords.Prepared prepared = records.prepare(record(offset, article));
        assertThat(prepared).isInstanceOf(ArticleRecords.Document.class);
        return new Work.Write((ArticleRecords.Document) prepared, false, 0);
    }

    @Test
    void acceptedDocumentsAreIndexedAndOneElasticsearchRejectsForGoodIsDeadLetteredAloneWithNothingToRetry()
            throws IOException {
        EnrichedArticle a = article("flush-a");
        EnrichedArticle b = article("flush-b");
        EnrichedArticle base = article("flush-rejected");
        // Valid JSON and a valid Instant, but beyond the four-digit years of the date mapping.
        EnrichedArticle rejected = new EnrichedArticle(base.id(), base.url(), base.canonicalUrl(), base.sourceId(),
                base.sourceName(), base.ingestMethod(), base.fetchedAt(), base.title(), null, null,
                Instant.parse("+20000-01-01T00:00:00Z"), "en", base.body(), null, null, null, null, null, null,
                base.enrichedAt(), "test");

        List<Flusher.Retry> retries = flusher.flush(List.of(write(10, a), write(11, rejected), write(12, b)));

        assertThat(retries).isEmpty();
        assertThat(stack.indexed(elasticsearch, List.of(a, b, rejected))).isEqualTo(2);
        ConsumerRecord<String, byte[]> letter = stack.deadLetters().stream()
                .filter(r -> rejected.id().equals(r.key())).findFirst().orElseThrow();
        assertThat(header(letter, EventHeaders.DLQ_EXCEPTION_CLASS)).isEqualTo(DocumentRejectedException.class.getName());
        assertThat(header(letter, EventHeaders.DLQ_EXCEPTION_MESSAGE)).contains("publishedAt");
        assertThat(ByteBuffer.wrap(letter.headers().lastHeader(EventHeaders.DLQ_ORIGINAL_OFFSET).value()).getLong())
                .isEqualTo(11L);
    }

    @Test
    void aDeadLetterToPublishIsAcknowledgedByTheBrokerBeforeTheFlushReturns() throws IOException {
        ConsumerRecord<byte[], byte[]> poison = record(20, article("flush-poison"));
        DeadLetter letter = new DeadLetter(poison, "x.Poison", "cannot be indexed");

        List<Flusher.Retry> retries = flusher.flush(List.of(new Work.Publish(letter)));

        assertThat(retries).isEmpty();
        assertThat(stack.deadLetters()).filteredOn(r -> "x.Poison".equals(header(r, EventHeaders.DLQ_EXCEPTION_CLASS)))
                .singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo(poison.value()));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
