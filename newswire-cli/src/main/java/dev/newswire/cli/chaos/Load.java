package dev.newswire.cli.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load: {@code articles} real pages pushed in batches by a few clients, each batch retried until the
 * ingest API acknowledges it (a refused or failed batch is not acknowledged, so it is not counted: only the
 * ids of 202 answers are). It pushes up to a limit that the fault schedule raises, so that every fault
 * strikes while articles are still coming in.
 */
final class Load {

    private final IngestApi api;
    private final Pages pages;
    private final String runId;
    private final int articles;
    private final int batchSize;
    private final double rate;
    private final int clients;
    private final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong lastAckNanos = new AtomicLong();
    private final ConcurrentHashMap<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile int limit;
    private long nextSlotNanos;

    Load(IngestApi api, Pages pages, String runId, int articles, int batchSize, double rate, int clients) {
        this.api = api;
        this.pages = pages;
        this.runId = runId;
        this.articles = articles;
        this.batchSize = batchSize;
        this.rate = rate;
        this.clients = clients;
        this.limit = articles;
    }

    /** Pushes no article beyond the first {@code limit} until the limit is raised. */
    void limit(int limit) {
        this.limit = Math.min(articles, limit);
    }

    void start() {
        startNanos = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            threads.add(Daemons.start("chaos-load-" + c, this::run));
        }
    }

    private void run() {
        while (true) {
            int from = next.getAndAdd(batchSize);
            if (from >= articles) {
                endNanos = System.nanoTime();
                return;
            }
            int to = Math.min(articles, from + batchSize);
            while (to > limit) {
                sleepNanos(100_000_000L);
            }
            if (rate > 0) {
                sleepNanos(slot(to - from) - System.nanoTime());
            }
            List<ObjectNode> batch = new ArrayList<>();
            for (int n = from; n < to; n++) {
                batch.add(api.article(url(n), pages.page(n)));
            }
            pushUntilAcknowledged(batch);
        }
    }

    private void pushUntilAcknowledged(List<ObjectNode> batch) {
        long backoff = 250;
        while (true) {
            Answer answer = api.push(batch, Duration.ofSeconds(120));
            if (answer.accepted()) {
                acknowledged.addAll(answer.ids());
                lastAckNanos.set(System.nanoTime());
                if (answer.rejected() > 0) {
                    failures.merge("rejected items: " + answer.describe(), answer.rejected(), Integer::sum);
                }
                return;
            }
            // Kafka restarting (503), rate limited (429), the service restarting (no answer): the same batch
            // again, which is harmless, since its ids are its URLs'.
            retries.incrementAndGet();
            failures.merge(answer.status() == 0 ? "no answer" : "HTTP " + answer.status(), 1, Integer::sum);
            if (answer.refused() && answer.status() != 429 && answer.status() != 408) {
                return;
            }
            sleepNanos(backoff * 1_000_000);
            backoff = Math.min(5000, backoff * 2);
        }
    }

    /** When a batch of {@code n} may go, at {@code rate} articles a second counted from the previous batch. */
    private synchronized long slot(int n) {
        long slot = Math.max(System.nanoTime(), nextSlotNanos);
        nextSlotNanos = slot + (long) (n / rate * 1e9);
        return slot;
    }

    String url(int n) {
        return "https://chaos.newswire.test/" + runId + "/load/" + n;
    }

    boolean done() {
        return threads.stream().noneMatch(Thread::isAlive);
    }

    void await() throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    List<String> acknowledged() {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    /** When the latest batch was acknowledged ({@link System#nanoTime()}), 0 before the first. */
    long lastAckNanos() {
        return lastAckNanos.get();
    }

    long retries() {
        return retries.get();
    }

    /** Answers other than 202 the clients met, and how often (each one retried). */
    java.util.Map<String, Integer> failures() {
        return new java.util.TreeMap<>(failures);
    }

    double seconds() {
        return ((endNanos == 0 ? System.nanoTime() : endNanos) - startNanos) / 1e9;
    }

    private static void sleepNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
