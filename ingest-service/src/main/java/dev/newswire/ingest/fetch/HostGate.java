package dev.newswire.ingest.fetch;

import dev.newswire.runtime.retry.Backoff;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Per-host politeness: one request at a time per host, a minimum spacing between requests, the
 * server's {@code Retry-After} honoured, and exponential backoff with jitter after failures.
 * Every request of the service — feed, page, robots.txt, each redirect hop — passes through here.
 */
public final class HostGate {

    /** How a request to a host went, for the host's next slot. */
    public enum Outcome {
        /** The server answered (any status but 429 and 5xx). */
        ANSWERED,
        /** 5xx, timeout, refused connection: back off exponentially. */
        FAILED,
        /** 429, or 503 with Retry-After: wait as told (or back off when it did not say). */
        THROTTLED
    }

    private final Duration minInterval;
    private final Backoff backoff;
    private final Duration maxRetryAfter;
    private final Clock clock;
    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

    public HostGate(Duration minInterval, Backoff backoff, Duration maxRetryAfter, Clock clock) {
        this.minInterval = minInterval;
        this.backoff = backoff;
        this.maxRetryAfter = maxRetryAfter;
        this.clock = clock;
    }

    /**
     * Waits for the host's turn, at most {@code maxWait}.
     *
     * @throws HostBusyException when the turn does not come within {@code maxWait}; it names when it will
     */
    public Permit acquire(URI uri, Duration maxWait) throws HostBusyException, InterruptedException {
        Host host = hosts.computeIfAbsent(key(uri), k -> new Host());
        long deadline = System.nanoTime() + maxWait.toNanos();
        if (!host.inUse.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new HostBusyException(uri, clock.instant().plus(minInterval));
        }
        try {
            Duration wait = Duration.between(clock.instant(), host.nextAllowed);
            if (!wait.isNegative() && !wait.isZero()) {
                if (wait.toNanos() > deadline - System.nanoTime()) {
                    throw new HostBusyException(uri, host.nextAllowed);
                }
                TimeUnit.NANOSECONDS.sleep(wait.toNanos());
            }
            return new Permit(host);
        } catch (HostBusyException | InterruptedException | RuntimeException e) {
            host.inUse.release();
            throw e;
        }
    }

    /** When the host may next be asked, as far as known now. */
    public Instant nextAllowed(URI uri) {
        Host host = hosts.get(key(uri));
        return host == null ? clock.instant() : host.nextAllowed;
    }

    /** Consecutive failures of the host, 0 after any answer. */
    public int failures(URI uri) {
        Host host = hosts.get(key(uri));
        return host == null ? 0 : host.failures;
    }

    private static String key(URI uri) {
        String host = uri.getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    private static final class Host {
        final Semaphore inUse = new Semaphore(1, true);
        volatile Instant nextAllowed = Instant.EPOCH;
        volatile int failures;
    }

    /** The right to send one request to a host; {@link #release} it with the outcome, exactly once. */
    public final class Permit {

        private final Host host;
        private boolean released;

        private Permit(Host host) {
            this.host = host;
        }

        /**
         * Frees the host for the next request and sets when that may be.
         *
         * @param retryAfter the server's {@code Retry-After}, or {@code null}
         */
        public void release(Outcome outcome, Duration retryAfter) {
            if (released) {
                return;
            }
            released = true;
            Instant now = clock.instant();
            Instant next = now.plus(minInterval);
            int failures = outcome == Outcome.ANSWERED ? 0 : host.failures + 1;
            Duration wait = switch (outcome) {
                case ANSWERED -> Duration.ZERO;
                case FAILED -> backoff.delay(failures);
                case THROTTLED -> retryAfter != null
                        ? (retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter)
                        : backoff.delay(failures);
            };
            if (now.plus(wait).isAfter(next)) {
                next = now.plus(wait);
            }
            host.failures = failures;
            host.nextAllowed = next;
            host.inUse.release();
        }
    }
}
