package dev.newswire.search.index;

import dev.newswire.model.EventLimits;
import dev.newswire.model.Topics;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Settings of the Kafka → Elasticsearch indexer ({@code indexer.*}), named after their counterparts in
 * Kafka Connect's Elasticsearch sink. Records are buffered until a flush is due, the buffer is written
 * as bulk requests of at most {@link #getBatchSize()} documents and {@link #getBatchBytes()} bytes, at most
 * {@link #getMaxInFlight()} of them at once, and offsets are committed only after every document of the
 * flush was acknowledged by Elasticsearch (or dead-lettered).
 */
@ConfigurationProperties("indexer")
public class IndexerSettings {

    /** Whether the indexer runs in this process (the search API works without it). */
    private boolean enabled = true;

    /** Topic to index. */
    private String topic = Topics.ENRICHED;

    /** Dead-letter topic for records that can never be indexed (malformed, rejected by the mapping). */
    private String deadLetterTopic = Topics.ENRICHED_DLQ;

    /** Kafka consumer group. */
    private String groupId = Topics.INDEXER_GROUP;

    /** Most documents in one bulk request. */
    private int batchSize = 500;

    /** Most bytes of document source in one bulk request. */
    private long batchBytes = 5L * 1024 * 1024;

    /** How long a buffered record may wait for its batch to fill before it is flushed anyway. */
    private Duration linger = Duration.ofMillis(200);

    /** Most bulk requests sent concurrently by one flush; a flush buffers up to this many batches. */
    private int maxInFlight = 2;

    /** Kafka {@code max.poll.records}. */
    private int maxPollRecords = 1000;

    /** Longest wait of one poll for new records. */
    private Duration pollTimeout = Duration.ofMillis(500);

    /** First delay before retrying a transient failure; doubles per attempt, with full jitter. */
    private Duration retryBackoff = Duration.ofMillis(200);

    /** Cap of the retry delay. Retries of transient failures never stop: nothing is skipped. */
    private Duration maxRetryBackoff = Duration.ofSeconds(30);

    /**
     * A record whose value is larger than this is dead-lettered without being parsed. By default every record
     * its topic takes ({@link EventLimits#MAX_RECORD_BYTES}) is read: a long article (a 2.4 MB Japanese page,
     * say) is news too. Lower it to keep the indexer's parse and segmentation time per record short.
     */
    private long maxRecordBytes = EventLimits.MAX_RECORD_BYTES;

    /** A single document larger than this is dead-lettered instead of being sent. */
    private long maxDocumentBytes = 20L * 1024 * 1024;

    /**
     * How often one document may fail transiently while Elasticsearch accepts other documents of the same
     * writes before it is dead-lettered as a poison document (one that trips a circuit breaker every time,
     * say). Failures while Elasticsearch accepts nothing (down, blocked, overloaded) never count: those are
     * retried without limit.
     */
    private int maxItemRetries = 10;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getDeadLetterTopic() {
        return deadLetterTopic;
    }

    public void setDeadLetterTopic(String deadLetterTopic) {
        this.deadLetterTopic = deadLetterTopic;
    }

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public long getBatchBytes() {
        return batchBytes;
    }

    public void setBatchBytes(long batchBytes) {
        this.batchBytes = batchBytes;
    }

    public Duration getLinger() {
        return linger;
    }

    public void setLinger(Duration linger) {
        this.linger = linger;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public int getMaxPollRecords() {
        return maxPollRecords;
    }

    public void setMaxPollRecords(int maxPollRecords) {
        this.maxPollRecords = maxPollRecords;
    }

    public Duration getPollTimeout() {
        return pollTimeout;
    }

    public void setPollTimeout(Duration pollTimeout) {
        this.pollTimeout = pollTimeout;
    }

    public Duration getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(Duration retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public Duration getMaxRetryBackoff() {
        return maxRetryBackoff;
    }

    public void setMaxRetryBackoff(Duration maxRetryBackoff) {
        this.maxRetryBackoff = maxRetryBackoff;
    }

    public long getMaxRecordBytes() {
        return maxRecordBytes;
    }

    public void setMaxRecordBytes(long maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    public int getMaxItemRetries() {
        return maxItemRetries;
    }

    public void setMaxItemRetries(int maxItemRetries) {
        this.maxItemRetries = maxItemRetries;
    }

    public long getMaxDocumentBytes() {
        return maxDocumentBytes;
    }

    public void setMaxDocumentBytes(long maxDocumentBytes) {
        this.maxDocumentBytes = maxDocumentBytes;
    }
}
