package dev.newswire.ingest.feed;

import dev.newswire.ingest.source.RegisteredSource;
import dev.newswire.ingest.source.SourceRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls every enabled source on its own schedule: each poll schedules the next one when it ends, so a
 * source is never polled twice at once, and removing a source cancels its next poll.
 */
public final class FeedScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);

    private final SourceRegistry registry;
    private final FeedPoller poller;
    private final int threads;
    private final Clock clock;
    private final Map<String, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;

    public FeedScheduler(SourceRegistry registry, FeedPoller poller, int threads, Clock clock) {
        this.registry = registry;
        this.poller = poller;
        this.threads = threads;
        this.clock = clock;
        registry.onAdded(this::scheduleNow);
        registry.onRemoved(source -> cancel(source.definition().id()));
    }

    @Override
    public synchronized void start() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "feed-poller-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = Executors.newScheduledThreadPool(threads, factory);
        registry.all().forEach(this::scheduleNow);
        log.info("feed polling started: {} sources, {} threads", registry.all().size(), threads);
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService e = executor;
        executor = null;
        if (e != null) {
            e.shutdownNow();
        }
        scheduled.clear();
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private void scheduleNow(RegisteredSource source) {
        scheduleAt(source, clock.instant());
    }

    private void scheduleAt(RegisteredSource source, Instant at) {
        ScheduledExecutorService e = executor;
        String id = source.definition().id();
        if (e == null || !source.definition().enabled()) {
            return;
        }
        source.state().scheduleAt(at);
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        scheduled.put(id, e.schedule(() -> run(source), delay, TimeUnit.MILLISECONDS));
    }

    private void run(RegisteredSource source) {
        String id = source.definition().id();
        // A source replaced or removed meanwhile has another (or no) registration: this run is stale.
        if (registry.get(id).map(current -> current != source).orElse(true)) {
            return;
        }
        Instant next;
        try {
            next = poller.poll(source);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Throwable e) {
            // Anything at all, a StackOverflowError from a hostile document included: the source's status
            // shows it and the source is polled again; a task that threw would never be scheduled again.
            log.error("polling source {} failed unexpectedly; polling it again after backoff", id, e);
            next = afterUnexpectedFailure(source, e);
        }
        try {
            registry.polled(source);
        } catch (RuntimeException e) {
            log.warn("the polling state of source {} was not stored: {}", id, e.getMessage());
        }
        if (registry.get(id).map(current -> current == source).orElse(false)) {
            scheduleAt(source, next);
        }
    }

    private Instant afterUnexpectedFailure(RegisteredSource source, Throwable e) {
        try {
            return poller.failedUnexpectedly(source, e);
        } catch (Throwable again) {
            return clock.instant().plus(source.definition().interval());
        }
    }

    private void cancel(String id) {
        ScheduledFuture<?> future = scheduled.remove(id);
        if (future != null) {
            future.cancel(false);
        }
    }
}
