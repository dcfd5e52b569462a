package dev.newswire.search.index;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The indexer's bookkeeping for one partition: how far its records were flushed, which of them still wait
 * for a retry, and when. The offset that may be committed is that of the first record still waiting, or
 * the one after the last flushed record when none waits. Loop thread only.
 */
final class PartitionProgress {

    private long flushed = -1;
    private long committed = -1;
    private final TreeMap<Long, Work> waiting = new TreeMap<>();
    private int failures;
    private long retryAtNanos;

    /** A record of this partition was flushed (whatever came of it). */
    void flushed(long offset) {
        flushed = Math.max(flushed, offset + 1);
    }

    /** The work of a record that must be tried again. */
    void retryLater(Work work) {
        waiting.put(work.record().offset(), work);
    }

    /** Whether records wait for a retry. */
    boolean isWaiting() {
        return !waiting.isEmpty();
    }

    /** Whether the waiting records are due for their retry. */
    boolean isDue(long nowNanos) {
        return !waiting.isEmpty() && nowNanos - retryAtNanos >= 0;
    }

    long retryAtNanos() {
        return retryAtNanos;
    }

    /** Takes the waiting work out, to be flushed again; what fails again comes back through {@link #retryLater}. */
    List<Work> takeWaiting() {
        List<Work> work = new ArrayList<>(waiting.values());
        waiting.clear();
        return work;
    }

    /**
     * After a flush that left records waiting: counts the failure and sets the time of the next retry.
     *
     * @return the number of failed flushes in a row, from 1
     */
    int failed(long retryAtNanos) {
        this.retryAtNanos = retryAtNanos;
        return ++failures;
    }

    /** After a flush that left nothing waiting. */
    void succeeded() {
        failures = 0;
    }

    /** Failed flushes in a row so far. */
    int failures() {
        return failures;
    }

    /** The offset to commit, if it moved since the last commit; else -1. */
    long toCommit() {
        long position = waiting.isEmpty() ? flushed : waiting.firstKey();
        return position > committed ? position : -1;
    }

    void committed(long offset) {
        committed = Math.max(committed, offset);
    }
}
