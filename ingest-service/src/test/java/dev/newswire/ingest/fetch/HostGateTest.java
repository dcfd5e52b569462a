package dev.newswire.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.runtime.retry.Backoff;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostGateTest {

    private static final URI PAGE = URI.create("https://news.example/a");
    private static final URI OTHER_PAGE_SAME_HOST = URI.create("https://NEWS.example/b");
    private final Clock clock = Clock.systemUTC();

    @Test
    void admitsOneRequestAtATimePerHost() throws Exception {
        HostGate gate = new HostGate(Duration.ZERO, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10)),
                Duration.ofHours(1), clock);
        HostGate.Permit first = gate.acquire(PAGE, Duration.ZERO);

        assertThatThrownBy(() -> gate.acquire(OTHER_PAGE_SAME_HOST, Duration.ZERO))
                .isInstanceOf(HostBusyException.class);
        assertThat(gate.acquire(URI.create("https://elsewhere.example/"), Duration.ZERO)).isNotNull();

        first.release(HostGate.Outcome.ANSWERED, null);
        assertThat(gate.acquire(OTHER_PAGE_SAME_HOST, Duration.ofSeconds(1))).isNotNull();
    }

    @Test
    void keepsTheMinimumSpacingBetweenRequests() throws Exception {
        HostGate gate = new HostGate(Duration.ofMillis(300), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10)),
                Duration.ofHours(1), clock);
        gate.acquire(PAGE, Duration.ZERO).release(HostGate.Outcome.ANSWERED, null);
        Instant released = clock.instant();

        assertThatThrownBy(() -> gate.acquire(PAGE, Duration.ZERO)).isInstanceOf(HostBusyException.class);
        gate.acquire(PAGE, Duration.ofSeconds(2));

        assertThat(clock.instant()).isAfterOrEqualTo(released.plusMillis(300));
    }

    @Test
    void honoursRetryAfterUpToItsCap() throws Exception {
        HostGate gate = new HostGate(Duration.ZERO, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10)),
                Duration.ofMinutes(10), clock);
        Instant before = clock.instant();

        gate.acquire(PAGE, Duration.ZERO).release(HostGate.Outcome.THROTTLED, Duration.ofMinutes(2));
        assertThat(gate.nextAllowed(PAGE)).isAfterOrEqualTo(before.plus(Duration.ofMinutes(2)));

        gate.acquire(URI.create("https://b.example/"), Duration.ZERO).release(HostGate.Outcome.THROTTLED,
                Duration.ofDays(3));
        assertThat(gate.nextAllowed(URI.create("https://b.example/"))).isBefore(before.plus(Duration.ofMinutes(11)));
    }

    @Test
    void backsOffExponentiallyAfterFailuresAndForgetsThemAfterAnAnswer() throws Exception {
        HostGate gate = new HostGate(Duration.ZERO, new Backoff(Duration.ofMillis(10), Duration.ofHours(1)),
                Duration.ofHours(1), clock);
        for (int failure = 1; failure <= 4; failure++) {
            Instant before = clock.instant();
            gate.acquire(PAGE, Duration.ofSeconds(1)).release(HostGate.Outcome.FAILED, null);
            long ceiling = 10L << (failure - 1);
            assertThat(gate.failures(PAGE)).isEqualTo(failure);
            assertThat(gate.nextAllowed(PAGE)).isBetween(before.plusMillis(ceiling / 2),
                    clock.instant().plusMillis(ceiling));
        }
        gate.acquire(PAGE, Duration.ofSeconds(1)).release(HostGate.Outcome.ANSWERED, null);
        assertThat(gate.failures(PAGE)).isZero();
    }
}
