package dev.newswire.search.index;

import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.EventHeaders;
import dev.newswire.runtime.stream.MalformedEventException;
import dev.newswire.runtime.stream.UnknownSchemaException;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a consumed record into the document to index, or into a dead letter when it can never be indexed:
 * no value, larger than {@code indexer.max-record-bytes}, another {@code schema}, not an
 * {@code EnrichedArticle}, an id Elasticsearch cannot take, or a document larger than
 * {@code indexer.max-document-bytes}. Pure and thread-safe: the indexer runs it on its preparation threads.
 */
@Singleton
public class ArticleRecords {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleRecords.class);

    /** Elasticsearch refuses a longer {@code _id}, and with it the whole bulk request it is in. */
    static final int MAX_ID_BYTES = 512;
    private static final int MAX_LOGGED_CHARS = 200;

    /** A record prepared for indexing. */
    public sealed interface Prepared permits Document, Rejected {
        ConsumerRecord<byte[], byte[]> record();
    }

    /**
     * A document to write.
     *
     * @param record           the record it came from
     * @param item             the document under its article id
     * @param duplicateOf      the article's {@code duplicateOf}, or {@code null} for an original
     * @param sourceAsOriginal for a near-duplicate, the same document without {@code duplicateOf}, written instead
     *                         when the article is already indexed as an original ({@link OriginalsGuard}); else null
     */
    public record Document(ConsumerRecord<byte[], byte[]> record, BulkWriter.Item item, String duplicateOf,
                           byte[] sourceAsOriginal) implements Prepared {
    }

    /** A record that can never be indexed. */
    public record Rejected(ConsumerRecord<byte[], byte[]> record, DeadLetter letter) implements Prepared {
    }

    private final ArticleDocuments documents;
    private final IndexerSettings settings;
    private final ObjectMapper json;

    public ArticleRecords(ArticleDocuments documents, IndexerSettings settings, ObjectMapper json) {
        this.documents = documents;
        this.settings = settings;
        this.json = json;
    }

    /** The record's document, or its dead letter if it can never be indexed. */
    public Prepared prepare(ConsumerRecord<byte[], byte[]> record) {
        try {
            return document(record);
        } catch (MalformedEventException | RecordTooLargeException | DocumentRejectedException e) {
            LOG.warn("Record {} (key {}) cannot be indexed: {}", DeadLetterPublisher.origin(record), key(record),
                    abbreviate(e.getMessage()));
            return new Rejected(record, new DeadLetter(record, e.getClass().getName(), e.getMessage()));
        }
    }

    private Document document(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            throw new MalformedEventException("record has no value");
        }
        if (record.value().length > settings.getMaxRecordBytes()) {
            throw new RecordTooLargeException("record of " + record.value().length
                    + " bytes exceeds indexer.max-record-bytes " + settings.getMaxRecordBytes());
        }
        Header schema = record.headers().lastHeader(EventHeaders.SCHEMA);
        if (schema != null) {
            String name = schema.value() == null ? "" : new String(schema.value(), StandardCharsets.UTF_8);
            if (!EnrichedArticle.SCHEMA.equals(name)) {
                throw new UnknownSchemaException("schema '" + abbreviate(name) + "' is not " + EnrichedArticle.SCHEMA);
            }
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
        if (article.id() != null && article.id().getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new MalformedEventException("article id longer than " + MAX_ID_BYTES + " bytes");
        }
        ArticleDocument document = documents.toDocument(article);
        String duplicateOf = article.duplicateOf() == null || article.duplicateOf().isBlank()
                || article.duplicateOf().equals(article.id()) ? null : article.duplicateOf();
        byte[] source = serialise(duplicateOf == null && article.duplicateOf() != null
                ? withoutDuplicateOf(document) : document);
        byte[] asOriginal = duplicateOf == null ? null : serialise(withoutDuplicateOf(document));
        return new Document(record, new BulkWriter.Item(article.id(), source), duplicateOf, asOriginal);
    }

    private byte[] serialise(ArticleDocument document) {
        byte[] source;
        try {
            source = json.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new MalformedEventException("article " + document.article().id() + " cannot be written as JSON: "
                    + e.getMessage(), e);
        }
        if (source.length > settings.getMaxDocumentBytes()) {
            throw new DocumentRejectedException("document of " + source.length
                    + " bytes exceeds indexer.max-document-bytes " + settings.getMaxDocumentBytes());
        }
        return source;
    }

    private static ArticleDocument withoutDuplicateOf(ArticleDocument document) {
        EnrichedArticle a = document.article();
        return new ArticleDocument(new EnrichedArticle(a.id(), a.url(), a.canonicalUrl(), a.sourceId(), a.sourceName(),
                a.ingestMethod(), a.fetchedAt(), a.title(), a.byline(), a.authors(), a.publishedAt(), a.language(),
                a.body(), a.summary(), a.keywords(), a.entities(), a.topics(), a.simhash(), null, a.enrichedAt(),
                a.enricherVersion()), document.search());
    }

    static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "(none)" : abbreviate(new String(record.key(), StandardCharsets.UTF_8));
    }

    static String abbreviate(String s) {
        return s == null || s.length() <= MAX_LOGGED_CHARS ? s : s.substring(0, MAX_LOGGED_CHARS) + "…";
    }
}
