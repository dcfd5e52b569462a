package dev.newswire.runtime.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(42));

    @Test
    void noFailureMeansNoDelay() {
        assertThat(backoff.delay(0)).isZero();
    }

    @Test
    void delayGrowsExponentiallyWithinHalfAndAllOfTheCeiling() {
        for (int failures = 1; failures <= 6; failures++) {
            long ceiling = 100L << (failures - 1);
            assertThat(backoff.ceiling(failures)).isEqualTo(Duration.ofMillis(ceiling));
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delay(failures).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void delayIsCappedAlsoForHugeFailureCountsAndNeverGivesUp() {
        for (int failures : new int[] {8, 31, 64, 1000, Integer.MAX_VALUE}) {
            assertThat(backoff.ceiling(failures)).isEqualTo(Duration.ofSeconds(5));
            assertThat(backoff.delay(failures).toMillis()).isBetween(2500L, 5000L);
        }
    }

    @Test
    void delaysAreJitteredAlsoWithTheThreadsOwnRandom() {
        Backoff threadLocal = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

        assertThat(IntStream.range(0, 50).mapToObj(i -> backoff.delay(5)).distinct().count()).isGreaterThan(10);
        assertThat(IntStream.range(0, 50).mapToObj(i -> threadLocal.delay(5)).distinct().count()).isGreaterThan(10);
    }

    @Test
    void rejectsAnInitialDelayAboveTheCapOrNoInitialDelay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
