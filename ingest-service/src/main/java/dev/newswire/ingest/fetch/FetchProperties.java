package dev.newswire.ingest.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** How the service fetches feeds, pages and robots.txt from the web. */
@ConfigurationProperties("newswire.fetch")
public class FetchProperties {

    /** Time allowed to open the TCP (and TLS) connection. */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /** Time allowed from sending a request until the response headers have arrived. */
    private Duration responseTimeout = Duration.ofSeconds(15);

    /** Time allowed for one whole request, body included: a server that trickles its body is cut off. */
    private Duration totalTimeout = Duration.ofSeconds(30);

    /**
     * Requests in flight at once (pages, feeds, robots.txt, from the API and the poller together): with the
     * body cap, this bounds the memory held by fetched bodies. A request that finds no slot within
     * {@link #maxHostWait} fails as busy (503 at the API).
     */
    private int maxConcurrentFetches = 8;

    /**
     * Longest time one poll (or one feed sent to the API) spends fetching its entries' pages; the entries
     * left are taken at the next poll, so a feed of slow pages holds a poller thread for this long at most.
     */
    private Duration pageBudget = Duration.ofMinutes(2);

    /** Largest body read from one response; a longer one is refused (checked while reading, not trusted from headers). */
    private DataSize maxBodySize = DataSize.ofMegabytes(8);

    /** Redirects followed per fetch; each hop is checked against the address policy and robots.txt again. */
    private int maxRedirects = 5;

    /** User-Agent sent with every request, and the token looked up in robots.txt. */
    private String userAgent = "NewswireBot/0.1 (+https://github.com/newswire)";

    /** Minimum spacing between two requests to the same host (one request at a time per host in any case). */
    private Duration minHostInterval = Duration.ofSeconds(2);

    /** First delay after a failed request to a host (5xx, timeout, refused); doubled per further failure. */
    private Duration initialBackoff = Duration.ofSeconds(30);

    /** Upper bound of the failure backoff; retries continue at this pace, never giving up. */
    private Duration maxBackoff = Duration.ofHours(1);

    /** Upper bound on a server's {@code Retry-After}, so that a bogus value cannot silence a host for days. */
    private Duration maxRetryAfter = Duration.ofHours(6);

    /** How long an API request waits for its turn at a busy host before it is answered 503. */
    private Duration maxHostWait = Duration.ofSeconds(10);

    /**
     * Addresses exempt from the SSRF rules, as IPs or CIDR blocks (e.g. {@code 127.0.0.1/32}). Empty in
     * production: loopback, private, link-local and cloud-metadata addresses are never fetched. Tests and a
     * local stack list the loopback here.
     */
    private List<String> allowedAddresses = new ArrayList<>();

    /** Whether page fetches obey robots.txt (feeds are fetched because their owner published them as feeds). */
    private boolean robotsEnabled = true;

    /** How long a robots.txt answer is reused per origin. */
    private Duration robotsCacheTtl = Duration.ofHours(1);

    public Duration getPageBudget() {
        return pageBudget;
    }

    public void setPageBudget(Duration pageBudget) {
        this.pageBudget = pageBudget;
    }

    public int getMaxConcurrentFetches() {
        return maxConcurrentFetches;
    }

    public void setMaxConcurrentFetches(int maxConcurrentFetches) {
        this.maxConcurrentFetches = maxConcurrentFetches;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Duration getTotalTimeout() {
        return totalTimeout;
    }

    public void setTotalTimeout(Duration totalTimeout) {
        this.totalTimeout = totalTimeout;
    }

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public int getMaxRedirects() {
        return maxRedirects;
    }

    public void setMaxRedirects(int maxRedirects) {
        this.maxRedirects = maxRedirects;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public Duration getMinHostInterval() {
        return minHostInterval;
    }

    public void setMinHostInterval(Duration minHostInterval) {
        this.minHostInterval = minHostInterval;
    }

    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Duration getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Duration getMaxHostWait() {
        return maxHostWait;
    }

    public void setMaxHostWait(Duration maxHostWait) {
        this.maxHostWait = maxHostWait;
    }

    public List<String> getAllowedAddresses() {
        return allowedAddresses;
    }

    public void setAllowedAddresses(List<String> allowedAddresses) {
        this.allowedAddresses = allowedAddresses;
    }

    public boolean isRobotsEnabled() {
        return robotsEnabled;
    }

    public void setRobotsEnabled(boolean robotsEnabled) {
        this.robotsEnabled = robotsEnabled;
    }

    public Duration getRobotsCacheTtl() {
        return robotsCacheTtl;
    }

    public void setRobotsCacheTtl(Duration robotsCacheTtl) {
        this.robotsCacheTtl = robotsCacheTtl;
    }
}
