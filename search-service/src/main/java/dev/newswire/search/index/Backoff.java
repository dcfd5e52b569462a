package dev.newswire.search.index;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: attempt {@code n} waits a random time between half and all of
 * {@code min(max, initial · 2ⁿ)}. The jitter spreads the retries of many indexers after a shared outage
 * (Elasticsearch restarting) so that they do not all hit it again at the same instant; the lower half
 * keeps the delay from collapsing to zero.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + ", " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The delay before retry number {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt) {
        long ceiling = max.toMillis();
        long exponential = initial.toMillis() << Math.min(Math.max(attempt, 0), 30);
        long capped = exponential <= 0 || exponential > ceiling ? ceiling : exponential;
        long half = capped / 2;
        return Duration.ofMillis(half + random.nextLong(capped - half + 1));
    }
}
