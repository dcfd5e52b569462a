package dev.newswire.enrich.service.dedup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How far back near-duplicates are looked for, and how the index of earlier articles is filled. */
@ConfigurationProperties("newswire.dedup")
public class DedupProperties {

    /** Articles enriched this long ago or less are read back into the index at start. */
    private Duration window = Duration.ofDays(2);

    /** Most articles the index holds; the oldest are forgotten first. */
    private int capacity = 100_000;

    /**
     * Longest the service waits at start for the index to catch up before it takes new articles;
     * after that it takes them while the rest is still read (and says so in the log).
     */
    private Duration loadTimeout = Duration.ofMinutes(2);

    public Duration getWindow() {
        return window;
    }

    public void setWindow(Duration window) {
        this.window = window;
    }

    public int getCapacity() {
        return capacity;
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    public Duration getLoadTimeout() {
        return loadTimeout;
    }

    public void setLoadTimeout(Duration loadTimeout) {
        this.loadTimeout = loadTimeout;
    }
}
