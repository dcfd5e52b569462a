package dev.newswire.ingest.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Limits and credentials of the HTTP API ({@code /api/v1/**}). */
@ConfigurationProperties("newswire.api")
public class ApiProperties {

    /**
     * The key every API request must carry in {@code X-API-Key} (env {@code NEWSWIRE_API_KEY}). The service
     * refuses to start without one, rather than run an open API.
     */
    private String key;

    /** Largest request body; a larger one is answered 413 (checked while reading, not only from Content-Length). */
    private DataSize maxBodySize = DataSize.ofMegabytes(16);

    /**
     * Request body bytes read at once over all requests; a request whose next bytes do not fit is answered
     * 503 with {@code Retry-After}. Bounds the heap that concurrent large bodies can take.
     */
    private DataSize maxBodiesInFlight = DataSize.ofMegabytes(64);

    /** Most articles in one {@code POST /api/v1/articles} batch; more is answered 413. */
    private int maxBatchSize = 500;

    /**
     * Requests per second a client (by address) may send on average; over it, 429 with {@code Retry-After}.
     * Behind a reverse proxy every client shares the proxy's address: raise it there.
     */
    private double rateLimit = 100;

    /** Requests a client may send at once before the average applies. */
    private int rateBurst = 500;

    /** Longest title accepted. */
    private int maxTitleLength = 2000;

    /** Longest summary accepted. */
    private int maxSummaryLength = 20_000;

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public DataSize getMaxBodiesInFlight() {
        return maxBodiesInFlight;
    }

    public void setMaxBodiesInFlight(DataSize maxBodiesInFlight) {
        this.maxBodiesInFlight = maxBodiesInFlight;
    }

    public int getMaxBatchSize() {
        return maxBatchSize;
    }

    public void setMaxBatchSize(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    public double getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(double rateLimit) {
        this.rateLimit = rateLimit;
    }

    public int getRateBurst() {
        return rateBurst;
    }

    public void setRateBurst(int rateBurst) {
        this.rateBurst = rateBurst;
    }

    public int getMaxTitleLength() {
        return maxTitleLength;
    }

    public void setMaxTitleLength(int maxTitleLength) {
        this.maxTitleLength = maxTitleLength;
    }

    public int getMaxSummaryLength() {
        return maxSummaryLength;
    }

    public void setMaxSummaryLength(int maxSummaryLength) {
        this.maxSummaryLength = maxSummaryLength;
    }
}
