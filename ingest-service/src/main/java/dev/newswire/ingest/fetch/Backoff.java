package dev.newswire.ingest.fetch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: after the n-th consecutive failure the delay is drawn uniformly from
 * [d/2, d] where d = initial × 2^(n-1), capped at max. The jitter spreads the retries of many sources
 * that failed together; the lower bound keeps the pace from collapsing to zero. There is no last attempt:
 * at the cap, retries simply continue at that pace.
 */
public record Backoff(Duration initial, Duration max) {

    public Duration delay(int consecutiveFailures) {
        if (consecutiveFailures <= 0) {
            return Duration.ZERO;
        }
        long ceiling = ceiling(consecutiveFailures).toMillis();
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
    }

    /** The upper bound of {@link #delay(int)}: initial × 2^(n-1), capped. */
    public Duration ceiling(int consecutiveFailures) {
        int shift = Math.min(Math.max(consecutiveFailures - 1, 0), 30);
        long millis = initial.toMillis() << shift;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
