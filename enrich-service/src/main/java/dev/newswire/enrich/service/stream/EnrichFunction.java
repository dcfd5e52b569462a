package dev.newswire.enrich.service.stream;

import dev.newswire.enrich.EnrichmentChain;
import dev.newswire.enrich.extract.NothingExtractableException;
import dev.newswire.enrich.service.deadletter.ContentTooLargeException;
import dev.newswire.enrich.service.deadletter.EnrichmentFailedException;
import dev.newswire.runtime.stream.MalformedEventException;
import dev.newswire.runtime.stream.UnknownSchemaException;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.EventHeaders;
import dev.newswire.model.RawArticle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stream function: a raw article record in, its enriched article out, with the same key and the
 * {@code schema} header of the enriched event. The raw bytes are read here rather than by the
 * binder's converter, so that a malformed record (not JSON, no id, no value at all) fails with a
 * {@link MalformedEventException} that names the problem and is dead-lettered at once; so does a record whose {@code schema} header names
 * another event ({@link UnknownSchemaException}; a record without the header is read as a
 * RawArticle/v1) and one whose content is longer than the ingest-service lets in
 * ({@link ContentTooLargeException}).
 */
public class EnrichFunction implements Function<Message<?>, Message<EnrichedArticle>> {

    private static final Logger log = LoggerFactory.getLogger(EnrichFunction.class);
    private static final byte[] SCHEMA = EnrichedArticle.SCHEMA.getBytes(StandardCharsets.UTF_8);

    private final EnrichmentChain chain;
    private final JsonMapper json;
    private final Timer timer;
    private final MeterRegistry meters;

    public EnrichFunction(EnrichmentChain chain, JsonMapper json, MeterRegistry meters) {
        this.chain = chain;
        this.json = json;
        this.meters = meters;
        this.timer = Timer.builder("newswire.enrich.duration").description("Time to enrich one article")
                .register(meters);
    }

    @Override
    public Message<EnrichedArticle> apply(Message<?> message) {
        checkSchema(message.getHeaders().get(EventHeaders.SCHEMA));
        // A record without a value (a tombstone) arrives as KafkaNull, not as bytes.
        RawArticle raw = read(message.getPayload() instanceof byte[] bytes ? bytes : null);
        if (raw.content() != null && raw.content().length() > RawArticle.MAX_CONTENT_CHARS) {
            count("too-large", null);
            throw new ContentTooLargeException("article " + raw.id() + ": content of " + raw.content().length()
                    + " characters, over the limit of " + RawArticle.MAX_CONTENT_CHARS);
        }
        EnrichedArticle enriched;
        long start = System.nanoTime();
        try {
            enriched = chain.enrich(raw);
        } catch (NothingExtractableException e) {
            count("nothing-extractable", null);
            log.warn("Article {}: nothing to extract, dead-lettered: {}", raw.id(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            count("failed", null);
            log.error("Article {}: enrichment failed, dead-lettered", raw.id(), e);
            throw new EnrichmentFailedException(raw.id(), e);
        } finally {
            timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        count("enriched", enriched.language());
        if (enriched.duplicateOf() != null) {
            meters.counter("newswire.enrich.near.duplicates").increment();
        }
        log.debug("Article {} enriched: language {}, {} chars of body", raw.id(), enriched.language(),
                enriched.body().length());
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        return MessageBuilder.withPayload(enriched)
                .setHeader(KafkaHeaders.KEY, key != null ? key : raw.id().getBytes(StandardCharsets.UTF_8))
                .setHeader(EventHeaders.SCHEMA, SCHEMA)
                .build();
    }

    private void checkSchema(Object header) {
        if (header == null) {
            return;
        }
        String schema = header instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : header.toString();
        if (!schema.equals(RawArticle.SCHEMA)) {
            count("unknown-schema", null);
            String shown = schema.length() > 100 ? schema.substring(0, 100) + "…" : schema;
            throw new UnknownSchemaException("unknown schema '" + shown + "': this service reads " + RawArticle.SCHEMA);
        }
    }

    private RawArticle read(byte[] payload) {
        if (payload == null || payload.length == 0) {
            count("malformed", null);
            throw new MalformedEventException("not a " + RawArticle.SCHEMA + " event: no value", null);
        }
        RawArticle raw;
        try {
            raw = json.readValue(payload, RawArticle.class);
        } catch (JacksonException e) {
            count("malformed", null);
            throw new MalformedEventException("not a " + RawArticle.SCHEMA + " event: " + e.getOriginalMessage(), e);
        }
        if (raw == null || raw.id() == null || raw.id().isBlank()) {
            count("malformed", null);
            throw new MalformedEventException("not a " + RawArticle.SCHEMA + " event: no id", null);
        }
        return raw;
    }

    private void count(String outcome, String language) {
        meters.counter("newswire.enrich.articles", "outcome", outcome, "language",
                language == null ? "none" : language).increment();
    }
}
