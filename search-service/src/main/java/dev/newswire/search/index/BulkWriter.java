package dev.newswire.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import co.elastic.clients.transport.TransportException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes documents with bulk requests and reports the outcome of each document. It never throws for an
 * Elasticsearch failure: a failed request marks all its documents as transient failures, a failed item
 * is classified by {@link #classify}. The caller decides what to retry and what to dead-letter.
 */
@Singleton
public class BulkWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);

    /** A document to index under its article id. */
    public record Item(String id, byte[] source) {
    }

    /** How a document fared. */
    public enum Outcome {
        INDEXED,
        /** Worth retrying as it is: Elasticsearch overloaded, down, blocked or timing out. */
        TRANSIENT,
        /** Will never be accepted as it is: goes to the dead-letter topic. */
        PERMANENT
    }

    /** The outcome of one document, with Elasticsearch's reason for a failure. */
    public record Result(Item item, Outcome outcome, String reason) {
    }

    private final ElasticsearchAsyncClient client;
    private final IndexSettings index;
    private final IndexerSettings settings;

    public BulkWriter(ElasticsearchAsyncClient client, IndexSettings index, IndexerSettings settings) {
        this.client = client;
        this.index = index;
        this.settings = settings;
    }

    /**
     * Indexes the documents in bulk requests of at most {@code batch-size} documents and
     * {@code batch-bytes} bytes, with at most {@code max-in-flight} requests outstanding, and waits for all.
     * Ids must be distinct: two writes of one id in concurrent requests would land in either order.
     *
     * @return one result per item, in the order of the items
     */
    public List<Result> write(List<Item> items) {
        List<List<Item>> batches = batches(items, settings.getBatchSize(), settings.getBatchBytes());
        Semaphore inFlight = new Semaphore(Math.max(1, settings.getMaxInFlight()));
        List<CompletableFuture<List<Result>>> pending = new ArrayList<>(batches.size());
        for (List<Item> batch : batches) {
            inFlight.acquireUninterruptibly();
            CompletableFuture<List<Result>> future = send(batch);
            future.whenComplete((r, e) -> inFlight.release());
            pending.add(future);
        }
        List<Result> results = new ArrayList<>(items.size());
        for (CompletableFuture<List<Result>> future : pending) {
            results.addAll(future.join());
        }
        return results;
    }

    private CompletableFuture<List<Result>> send(List<Item> batch) {
        try {
            return client.bulk(request(batch))
                    .thenApply(response -> results(batch, response))
                    .exceptionallyCompose(failure -> refused(batch, failure));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failedRequest(batch, e));
        }
    }

    /**
     * A bulk request that failed as a whole. Elasticsearch refuses the whole request with 400 when one of its
     * operations is invalid (an {@code _id} longer than 512 bytes, say), and a proxy may refuse a large one
     * with 413: sent again unchanged it would fail for ever and hold every record behind it. So such a request
     * is split in halves until the document at fault stands alone, and that one is rejected for good. Any
     * other failure (no connection, 429, 5xx, 401 or 403 of a wrong password) is transient for all documents.
     */
    private CompletableFuture<List<Result>> refused(List<Item> batch, Throwable failure) {
        Throwable cause = unwrap(failure);
        int status = cause instanceof ElasticsearchException es ? es.status()
                : cause instanceof TransportException te ? te.statusCode() : -1;
        if (status != 400 && status != 413) {
            return CompletableFuture.completedFuture(failedRequest(batch, cause));
        }
        if (batch.size() == 1) {
            return CompletableFuture.completedFuture(List.of(new Result(batch.get(0), Outcome.PERMANENT,
                    "bulk request refused with " + status + ": " + reason(cause))));
        }
        List<Item> left = batch.subList(0, batch.size() / 2);
        List<Item> right = batch.subList(batch.size() / 2, batch.size());
        return send(left).thenCombine(send(right), (a, b) -> {
            List<Result> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        });
    }

    /** Splits items into batches within the count and byte limits, keeping their order. */
    static List<List<Item>> batches(List<Item> items, int maxCount, long maxBytes) {
        List<List<Item>> batches = new ArrayList<>();
        List<Item> current = new ArrayList<>();
        long bytes = 0;
        for (Item item : items) {
            if (!current.isEmpty() && (current.size() >= maxCount || bytes + item.source().length > maxBytes)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(item);
            bytes += item.source().length;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private BulkRequest request(List<Item> batch) {
        List<BulkOperation> operations = new ArrayList<>(batch.size());
        for (Item item : batch) {
            BinaryData source = BinaryData.of(item.source(), ContentType.APPLICATION_JSON);
            operations.add(BulkOperation.of(op -> op.index(i -> i.id(item.id()).document(source))));
        }
        // require_alias: if the alias is gone, fail (and retry after re-creating it) instead of letting
        // Elasticsearch auto-create a concrete index named like the alias with guessed mappings.
        return BulkRequest.of(b -> b.index(index.getAlias()).requireAlias(true).operations(operations));
    }

    private static List<Result> results(List<Item> batch, BulkResponse response) {
        List<BulkResponseItem> responseItems = response.items();
        if (responseItems.size() != batch.size()) {
            return failedRequest(batch, new IllegalStateException(
                    "bulk response has " + responseItems.size() + " items for " + batch.size() + " operations"));
        }
        List<Result> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            BulkResponseItem responseItem = responseItems.get(i);
            ErrorCause error = responseItem.error();
            if (error == null) {
                results.add(new Result(batch.get(i), Outcome.INDEXED, null));
            } else {
                Outcome outcome = classify(responseItem.status(), error.type());
                results.add(new Result(batch.get(i), outcome, error.type() + ": " + error.reason()));
            }
        }
        return results;
    }

    private static List<Result> failedRequest(List<Item> batch, Throwable failure) {
        String reason = reason(unwrap(failure));
        LOG.warn("Bulk request of {} documents failed, will retry: {}", batch.size(), reason);
        List<Result> results = new ArrayList<>(batch.size());
        for (Item item : batch) {
            results.add(new Result(item, Outcome.TRANSIENT, reason));
        }
        return results;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static String reason(Throwable cause) {
        return cause instanceof ElasticsearchException es
                ? es.status() + " " + es.error().type() + ": " + es.error().reason()
                : cause.getClass().getName() + ": " + cause.getMessage();
    }

    /**
     * Whether a failed bulk item is worth retrying. Overload (429), server errors (5xx), blocks (a write
     * block answers 403, a disk-watermark block 429) and a missing alias or index are states of the
     * cluster that pass; any other client error (400 document parsing or mapping rejection, 409, 413) is
     * about the document itself and will fail the same way every time.
     */
    public static Outcome classify(int status, String errorType) {
        if (status == 429 || status >= 500) {
            return Outcome.TRANSIENT;
        }
        if ("cluster_block_exception".equals(errorType) || "index_not_found_exception".equals(errorType)
                || "unavailable_shards_exception".equals(errorType)) {
            return Outcome.TRANSIENT;
        }
        return Outcome.PERMANENT;
    }
}
