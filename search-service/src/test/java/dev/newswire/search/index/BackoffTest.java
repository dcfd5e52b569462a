package dev.newswire.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(42));

    @Test
    void delayGrowsExponentiallyWithinHalfAndAllOfTheCeiling() {
        for (int attempt = 0; attempt < 6; attempt++) {
            long ceiling = 100L << attempt;
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delay(attempt).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void delayIsCappedAlsoForHugeAttemptNumbers() {
        for (int attempt : new int[] {7, 30, 63, 1000, Integer.MAX_VALUE}) {
            assertThat(backoff.delay(attempt).toMillis()).isBetween(2500L, 5000L);
        }
    }

    @Test
    void delaysAreJittered() {
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.delay(4)).distinct().count())
                .isGreaterThan(10);
    }

    @Test
    void rejectsAnInitialDelayAboveTheCap() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(1), new Random()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
