package dev.newswire.ingest.source;

import dev.newswire.ingest.feed.FeedParser;
import dev.newswire.model.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Feed sources: where they are defined and how they are polled. */
@ConfigurationProperties("newswire.sources")
public class SourceProperties {

    /**
     * The YAML file of feed sources read at start (a Spring resource location: {@code file:…} or
     * {@code classpath:…}). The bundled default lists none, because a fresh machine may have no internet.
     */
    private String file = "classpath:sources.yml";

    /** Whether sources are polled at all (the API still accepts pushes and one-off fetches when off). */
    private boolean pollingEnabled = true;

    /** Threads polling feeds; each works through one source at a time. */
    private int pollerThreads = 2;

    /** Poll interval of a source that names none. */
    private Duration defaultInterval = Duration.ofMinutes(15);

    /** Shortest poll interval accepted, so that no definition can hammer a publisher. */
    private Duration minInterval = Duration.ofMinutes(1);

    /** Entries remembered per source as already published; older ones fall out (they are re-published harmlessly, same id). */
    private int seenCapacity = 5000;

    /** The compacted topic of the sources and their polling state. */
    private String topic = Topics.SOURCES;

    /** Seen entries per source written to the sources topic, to outlive a restart (a feed's current items matter). */
    private int seenStored = 1000;

    /** Longest wait for the sources topic: reading it at start, and each change of a source through the API. */
    private Duration storeTimeout = Duration.ofSeconds(30);

    /**
     * Entries read from one feed document (polled or sent to {@code /api/v1/feeds}); the rest are dropped
     * while parsing, so a feed of 100,000 items costs the memory of this many.
     */
    private int maxFeedEntries = FeedParser.DEFAULT_MAX_ENTRIES;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public int getSeenStored() {
        return seenStored;
    }

    public void setSeenStored(int seenStored) {
        this.seenStored = seenStored;
    }

    public Duration getStoreTimeout() {
        return storeTimeout;
    }

    public void setStoreTimeout(Duration storeTimeout) {
        this.storeTimeout = storeTimeout;
    }

    /** Most sources the registry holds. */
    private int maxSources = 10_000;

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public boolean isPollingEnabled() {
        return pollingEnabled;
    }

    public void setPollingEnabled(boolean pollingEnabled) {
        this.pollingEnabled = pollingEnabled;
    }

    public int getPollerThreads() {
        return pollerThreads;
    }

    public void setPollerThreads(int pollerThreads) {
        this.pollerThreads = pollerThreads;
    }

    public Duration getDefaultInterval() {
        return defaultInterval;
    }

    public void setDefaultInterval(Duration defaultInterval) {
        this.defaultInterval = defaultInterval;
    }

    public Duration getMinInterval() {
        return minInterval;
    }

    public void setMinInterval(Duration minInterval) {
        this.minInterval = minInterval;
    }

    public int getSeenCapacity() {
        return seenCapacity;
    }

    public void setSeenCapacity(int seenCapacity) {
        this.seenCapacity = seenCapacity;
    }

    public int getMaxSources() {
        return maxSources;
    }

    public void setMaxSources(int maxSources) {
        this.maxSources = maxSources;
    }

    public int getMaxFeedEntries() {
        return maxFeedEntries;
    }

    public void setMaxFeedEntries(int maxFeedEntries) {
        this.maxFeedEntries = maxFeedEntries;
    }
}
