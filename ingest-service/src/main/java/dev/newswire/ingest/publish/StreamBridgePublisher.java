package dev.newswire.ingest.publish;

import dev.newswire.ingest.fetch.LogSafe;
import dev.newswire.model.EventHeaders;
import dev.newswire.model.EventLimits;
import dev.newswire.model.RawArticle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes through the binder's output binding ({@link PublishProperties#getBinding()}): value = the
 * {@link RawArticle} as JSON bytes, key = the article id, header {@code schema} = {@link RawArticle#SCHEMA}.
 * The producer is idempotent with {@code acks=all} (application.yml); this class waits for every
 * acknowledgement before it returns. Counts {@code newswire.ingest.published{method}} and
 * {@code newswire.ingest.publish.failed} for the dashboards.
 */
public final class StreamBridgePublisher implements ArticlePublisher {

    private static final Logger log = LoggerFactory.getLogger(StreamBridgePublisher.class);
    private static final byte[] SCHEMA = RawArticle.SCHEMA.getBytes(StandardCharsets.UTF_8);
    /** Key, the schema header and Kafka's own framing of a record, with a margin. */
    private static final int RECORD_OVERHEAD = 1024;

    private final StreamBridge bridge;
    private final SendFutures futures;
    private final JsonMapper json;
    private final PublishProperties properties;
    private final MeterRegistry meters;

    public StreamBridgePublisher(StreamBridge bridge, SendFutures futures, JsonMapper json,
                                 PublishProperties properties, MeterRegistry meters) {
        this.bridge = bridge;
        this.futures = futures;
        this.json = json;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public List<String> publish(List<RawArticle> articles) throws PublishException, InterruptedException {
        Map<String, CompletableFuture<?>> inFlight = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(articles.size());
        boolean tooLarge = false;
        Throwable firstCause = null;
        for (RawArticle article : articles) {
            ids.add(article.id());
            String token = UUID.randomUUID().toString();
            try {
                bridge.send(properties.getBinding(), message(article, token));
                CompletableFuture<?> future = futures.take(token);
                if (future == null) {
                    throw new IllegalStateException("the Kafka binder handed back no send future; "
                            + "is the SendFutures customizer registered?");
                }
                inFlight.put(article.id() + "#" + inFlight.size(), future);
            } catch (RuntimeException e) {
                futures.take(token);
                Throwable root = rootCause(e);
                tooLarge |= root instanceof RecordTooLargeException;
                firstCause = firstCause == null ? e : firstCause;
                failed.put(article.id(), describe(root));
                log.warn("article {} could not be sent to Kafka: {}", article.id(), describe(root));
            }
        }

        long deadline = System.nanoTime() + properties.getAckTimeout().toNanos();
        List<String> acknowledged = new ArrayList<>(inFlight.size());
        for (Map.Entry<String, CompletableFuture<?>> entry : inFlight.entrySet()) {
            String id = entry.getKey().substring(0, entry.getKey().indexOf('#'));
            try {
                entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(id);
                log.debug("article {} acknowledged by Kafka", id);
            } catch (ExecutionException e) {
                Throwable root = rootCause(e);
                tooLarge |= root instanceof RecordTooLargeException;
                firstCause = firstCause == null ? root : firstCause;
                failed.put(id, describe(root));
                log.warn("article {} was not acknowledged by Kafka: {}", id, describe(root));
            } catch (TimeoutException e) {
                firstCause = firstCause == null ? e : firstCause;
                failed.put(id, "no acknowledgement within " + properties.getAckTimeout().toSeconds() + " s");
                log.warn("article {} not acknowledged by Kafka within {}", id, properties.getAckTimeout());
            }
        }
        meters.counter("newswire.ingest.publish.failed").increment(failed.size());
        if (!failed.isEmpty()) {
            throw new PublishException(failed.size() + " of " + articles.size()
                    + " articles were not acknowledged by Kafka: " + failed.values().iterator().next(),
                    acknowledged, failed, tooLarge, firstCause);
        }
        for (RawArticle article : articles) {
            meters.counter("newswire.ingest.published", "method", article.ingestMethod().name().toLowerCase())
                    .increment();
            log.info("published article {} ({}, {}, {} chars)", article.id(), article.ingestMethod(),
                    article.url() != null ? LogSafe.url(article.url()) : "no url", article.content().length());
        }
        return ids;
    }

    private Message<byte[]> message(RawArticle article, String token) {
        byte[] value = json.writeValueAsBytes(article);
        // The contents are capped so that this cannot happen (RawArticles.MAX_CONTENT_JSON_BYTES); should it
        // all the same, the broker is not asked: a record over the limit can never be written.
        if (value.length > EventLimits.MAX_RECORD_BYTES - RECORD_OVERHEAD) {
            throw new RecordTooLargeException("the event of article " + article.id() + " is " + value.length
                    + " bytes, over the record limit of " + EventLimits.MAX_RECORD_BYTES + " bytes");
        }
        return MessageBuilder.withPayload(value)
                .setHeader(KafkaHeaders.KEY, article.id().getBytes(StandardCharsets.UTF_8))
                .setHeader(EventHeaders.SCHEMA, SCHEMA)
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(KafkaIntegrationHeaders.FUTURE_TOKEN, token)
                .build();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
