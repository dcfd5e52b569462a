package dev.newswire.ingest.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A token bucket per client address, before anything else (authentication included, so guessing keys is
 * slowed too): {@code requestsPerSecond} on average, {@code burst} at once; a client over its rate gets
 * 429 with {@code Retry-After}. Idle clients are forgotten, so the table stays bounded.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    /** Clients remembered at most; past it, clients whose bucket is full again are dropped first. */
    static final int MAX_CLIENTS = 10_000;

    private final double perSecond;
    private final double burst;
    private final JsonMapper json;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(double perSecond, int burst, JsonMapper json) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long now = System.nanoTime();
        if (buckets.size() >= MAX_CLIENTS) {
            buckets.values().removeIf(b -> b.full(now));
        }
        Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), k -> new Bucket(now));
        double wait = bucket.take(now);
        if (wait > 0) {
            long seconds = (long) Math.ceil(wait);
            Problems.write(response, json, new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "Too Many Requests", "more than " + (long) perSecond + " requests per second (bursts of "
                    + (long) burst + ") from this client; send again after " + seconds + " s", null,
                    Map.of("requestsPerSecond", perSecond, "burst", (long) burst), Duration.ofSeconds(seconds)),
                    request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(long now) {
            tokens = burst;
            last = now;
        }

        /** Takes a token; returns 0, or the seconds until one will be there. */
        synchronized double take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / perSecond;
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
        }
    }
}
