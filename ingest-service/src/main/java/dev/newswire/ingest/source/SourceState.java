package dev.newswire.ingest.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Iterator;

/**
 * What the poller knows about one source. The validators and the last seen items are also written to
 * the sources topic after each poll ({@link SourceJournal#polled}) and read back at start
 * ({@link #restore}), so a restart neither fetches every feed in full nor publishes its items again.
 */
public final class SourceState {

    private final int seenCapacity;
    /** Dedup keys of the entries already published, oldest first; bounded, the oldest fall out. */
    private final LinkedHashSet<String> seen = new LinkedHashSet<>();
    private String etag;
    private String lastModified;
    private Instant lastFetchAt;
    private String lastStatus = "never fetched";
    private String lastError;
    private Instant lastSuccessAt;
    private int itemsInFeed;
    private int itemsNew;
    private long itemsPublished;
    private int consecutiveFailures;
    private Instant nextPollAt;

    public SourceState(int seenCapacity) {
        this.seenCapacity = seenCapacity;
    }

    /** The validators and seen entries kept from before a restart. */
    public synchronized void restore(String etag, String lastModified, List<String> seenKeys) {
        this.etag = etag;
        this.lastModified = lastModified;
        for (String key : seenKeys) {
            if (key != null && seen.size() < seenCapacity) {
                seen.add(key);
            }
        }
    }

    /** What a restart needs: the validators and the last {@code max} seen entries, oldest first. */
    public synchronized Persisted persisted(int max) {
        List<String> keys = new ArrayList<>(seen);
        return new Persisted(etag, lastModified, List.copyOf(keys.subList(Math.max(0, keys.size() - max), keys.size())));
    }

    /** The part of the state that outlives a restart. */
    public record Persisted(String etag, String lastModified, List<String> seen) {
    }

    public synchronized String etag() {
        return etag;
    }

    public synchronized String lastModified() {
        return lastModified;
    }

    public synchronized boolean hasSeen(String key) {
        return key != null && seen.contains(key);
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    public synchronized Instant nextPollAt() {
        return nextPollAt;
    }

    public synchronized void scheduleAt(Instant at) {
        nextPollAt = at;
    }

    /** A 304: nothing changed since the validators we sent. */
    public synchronized void notModified(Instant at) {
        lastFetchAt = at;
        lastSuccessAt = at;
        lastStatus = "304 not modified";
        lastError = null;
        itemsNew = 0;
        consecutiveFailures = 0;
    }

    /**
     * A fetched and published feed. Validators are stored only now, after the items were acknowledged,
     * so that a failed publish is retried with a full fetch.
     */
    public synchronized void fetched(Instant at, int status, int entries, Collection<String> publishedKeys,
                                     int published, String newEtag, String newLastModified, String itemProblem) {
        lastFetchAt = at;
        lastSuccessAt = at;
        lastStatus = status + " ok";
        lastError = itemProblem;
        itemsInFeed = entries;
        itemsNew = published;
        itemsPublished += published;
        consecutiveFailures = 0;
        etag = newEtag;
        lastModified = newLastModified;
        for (String key : publishedKeys) {
            if (key != null) {
                seen.remove(key);
                seen.add(key);
            }
        }
        Iterator<String> oldest = seen.iterator();
        while (seen.size() > seenCapacity && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    /** A failed poll: HTTP error, network, parse or publish failure. */
    public synchronized void failed(Instant at, String status, String error) {
        lastFetchAt = at;
        lastStatus = status;
        lastError = error;
        itemsNew = 0;
        consecutiveFailures++;
    }

    /** The host was not ours to ask yet (spacing, Retry-After, backoff): no request was sent. */
    public synchronized void deferred(String reason) {
        lastStatus = "waiting";
        lastError = reason;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(lastFetchAt, lastSuccessAt, lastStatus, lastError, itemsInFeed, itemsNew, seen.size(),
                itemsPublished, consecutiveFailures, nextPollAt);
    }

    /**
     * The state as the API shows it.
     *
     * @param lastFetchAt         when the feed was last requested
     * @param lastSuccessAt       when it last answered 200 or 304
     * @param lastStatus          e.g. {@code 200 ok}, {@code 304 not modified}, {@code HTTP 503}, {@code error}
     * @param lastError           what went wrong last time, {@code null} when nothing did
     * @param itemsInFeed         entries in the last fetched document
     * @param itemsNew            entries published by the last poll
     * @param itemsSeen           distinct entries remembered as already published (bounded)
     * @param itemsPublished      entries published since the service started
     * @param consecutiveFailures failed polls in a row
     * @param nextPollAt          when it will be polled next
     */
    public record Snapshot(Instant lastFetchAt, Instant lastSuccessAt, String lastStatus, String lastError,
                           int itemsInFeed, int itemsNew, int itemsSeen, long itemsPublished, int consecutiveFailures,
                           Instant nextPollAt) {
    }
}
