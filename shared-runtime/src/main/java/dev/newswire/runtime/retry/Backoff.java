package dev.newswire.runtime.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: after the n-th consecutive failure the delay is drawn uniformly from
 * [d/2, d] where d = initial × 2^(n-1), capped at max. The jitter spreads the retries of many clients that
 * failed together (sources of one host, indexers after an Elasticsearch restart) so that they do not all
 * come back at the same instant; the lower half keeps the pace from collapsing to zero. There is no last
 * attempt: at the cap, retries go on at that pace, and the caller decides when a failure is permanent.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    /** With the calling thread's {@link ThreadLocalRandom}. */
    public Backoff(Duration initial, Duration max) {
        this(initial, max, null);
    }

    /** With {@code random} for the jitter (a seeded one in tests); {@code null} for the calling thread's. */
    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + ", " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    public Duration initial() {
        return initial;
    }

    public Duration max() {
        return max;
    }

    /** The delay after {@code consecutiveFailures} failures in a row: zero for none. */
    public Duration delay(int consecutiveFailures) {
        if (consecutiveFailures <= 0) {
            return Duration.ZERO;
        }
        long ceiling = ceiling(consecutiveFailures).toMillis();
        long floor = ceiling / 2;
        RandomGenerator r = random != null ? random : ThreadLocalRandom.current();
        return Duration.ofMillis(floor + r.nextLong(ceiling - floor + 1));
    }

    /** The upper bound of {@link #delay(int)}: initial × 2^(n-1), capped at max. */
    public Duration ceiling(int consecutiveFailures) {
        int shift = Math.min(Math.max(consecutiveFailures - 1, 0), 30);
        long millis = initial.toMillis() << shift;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
