package dev.newswire.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.EventHeaders;
import dev.newswire.runtime.stream.MalformedEventException;
import dev.newswire.runtime.stream.UnknownSchemaException;
import dev.newswire.search.TestArticles;
import dev.newswire.search.text.Segmenter;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class ArticleRecordsTest {

    private final IndexerSettings settings = new IndexerSettings();
    private final ArticleRecords records = new ArticleRecords(new ArticleDocuments(new Segmenter()), settings,
            ObjectMapper.getDefault());

    private static ConsumerRecord<byte[], byte[]> record(byte[] value, String schema) {
        RecordHeaders headers = new RecordHeaders();
        if (schema != null) {
            headers.add(EventHeaders.SCHEMA, schema.getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>("t", 0, 5L, 0L, TimestampType.CREATE_TIME, -1, value == null ? -1 : value.length,
                null, value, headers, Optional.empty());
    }

    private static byte[] json(EnrichedArticle article) throws IOException {
        return ObjectMapper.getDefault().writeValueAsBytes(article);
    }

    private static EnrichedArticle article(String duplicateOf) {
        EnrichedArticle a = TestArticles.article("records", "en", "Title", "Body.", Instant.parse("2025-11-01T00:00:00Z"),
                List.of(), List.of());
        return new EnrichedArticle(a.id(), a.url(), a.canonicalUrl(), a.sourceId(), a.sourceName(), a.ingestMethod(),
                a.fetchedAt(), a.title(), null, null, a.publishedAt(), a.language(), a.body(), null, null, null, null,
                null, duplicateOf == null ? null : duplicateOf.replace("SELF", a.id()), a.enrichedAt(), "test");
    }

    private String rejection(ConsumerRecord<byte[], byte[]> record) {
        ArticleRecords.Prepared prepared = records.prepare(record);
        assertThat(prepared).isInstanceOf(ArticleRecords.Rejected.class);
        return ((ArticleRecords.Rejected) prepared).letter().exceptionClass();
    }

    @Test
    void eachKindOfPoisonIsRejectedWithItsOwnError() throws IOException {
        assertThat(rejection(record(null, EnrichedArticle.SCHEMA))).isEqualTo(MalformedEventException.class.getName());
        assertThat(rejection(record("[1,".getBytes(StandardCharsets.UTF_8), null))).isEqualTo(MalformedEventException.class.getName());
        assertThat(rejection(record("null".getBytes(StandardCharsets.UTF_8), null))).isEqualTo(MalformedEventException.class.getName());
        assertThat(rejection(record(json(article(null)), "EnrichedArticle/v2"))).isEqualTo(UnknownSchemaException.class.getName());
        settings.setMaxRecordBytes(1024);
        assertThat(rejection(record(new byte[1025], EnrichedArticle.SCHEMA))).isEqualTo(RecordTooLargeException.class.getName());
    }

    @Test
    void recordWithoutSchemaHeaderIsReadAsAnEnrichedArticle() throws IOException {
        assertThat(records.prepare(record(json(article(null)), null))).isInstanceOf(ArticleRecords.Document.class);
    }

    @Test
    void nearDuplicateCarriesItsOriginalAndAVersionWithoutIt() throws IOException {
        ArticleRecords.Document d = (ArticleRecords.Document) records.prepare(record(json(article("other-id")), null));

        assertThat(d.duplicateOf()).isEqualTo("other-id");
        assertThat(ObjectMapper.getDefault().readValue(d.item().source(), Map.class)).containsEntry("duplicateOf", "other-id");
        assertThat(ObjectMapper.getDefault().readValue(d.sourceAsOriginal(), Map.class)).doesNotContainKey("duplicateOf");
    }

    @Test
    void articleNamedAsItsOwnDuplicateIsAnOriginal() throws IOException {
        ArticleRecords.Document d = (ArticleRecords.Document) records.prepare(record(json(article("SELF")), null));

        assertThat(d.duplicateOf()).isNull();
        assertThat(ObjectMapper.getDefault().readValue(d.item().source(), Map.class)).doesNotContainKey("duplicateOf");
    }
}
