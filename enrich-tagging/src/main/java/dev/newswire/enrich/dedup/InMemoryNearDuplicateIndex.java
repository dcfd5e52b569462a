package dev.newswire.enrich.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded in-memory {@link NearDuplicateIndex}: the last {@code capacity} articles, oldest
 * forgotten first. Lookup splits the 64 bits into eight 8-bit bands: two hashes at most 7 bits
 * apart agree on at least one band (pigeonhole), so only the articles sharing a band are compared.
 * The default distance, 6, is what a re-published wire story with a changed sentence or an added
 * credit line measures (about 3 % of its shingles changed); unrelated texts are about 32 apart.
 * It lives in one process; the enrich-service fills it at start from the enriched articles of the
 * last days and keeps adding those of its other instances ({@link #add}), so neither a restart nor
 * a second instance lets a near-duplicate through. Thread-safe.
 */
public final class InMemoryNearDuplicateIndex implements NearDuplicateIndex {

    public static final int DEFAULT_CAPACITY = 100_000;
    public static final int DEFAULT_MAX_DISTANCE = 6;

    private static final int BANDS = 8;

    private final int capacity;
    private final int maxDistance;
    private final LinkedHashMap<String, Long> byId = new LinkedHashMap<>();
    private final List<Map<Integer, List<String>>> bands = new ArrayList<>();

    public InMemoryNearDuplicateIndex() {
        this(DEFAULT_CAPACITY, DEFAULT_MAX_DISTANCE);
    }

    public InMemoryNearDuplicateIndex(int capacity, int maxDistance) {
        if (maxDistance >= BANDS) {
            throw new IllegalArgumentException(BANDS + " bands find distances up to " + (BANDS - 1) + ", not " + maxDistance);
        }
        this.capacity = capacity;
        this.maxDistance = maxDistance;
        for (int b = 0; b < BANDS; b++) {
            bands.add(new HashMap<>());
        }
    }

    @Override
    public synchronized Optional<String> findAndAdd(String id, long simhash) {
        String found = null;
        int best = Integer.MAX_VALUE;
        for (int b = 0; b < BANDS; b++) {
            for (String other : bands.get(b).getOrDefault(band(simhash, b), List.of())) {
                if (other.equals(id)) {
                    continue;
                }
                int distance = SimHash.distance(simhash, byId.get(other));
                if (distance <= maxDistance && distance < best) {
                    best = distance;
                    found = other;
                }
            }
        }
        add(id, simhash);
        return Optional.ofNullable(found);
    }

    @Override
    public synchronized void add(String id, long simhash) {
        if (!byId.containsKey(id)) {
            byId.put(id, simhash);
            for (int b = 0; b < BANDS; b++) {
                bands.get(b).computeIfAbsent(band(simhash, b), k -> new ArrayList<>(1)).add(id);
            }
            evict();
        }
    }

    public synchronized int size() {
        return byId.size();
    }

    public synchronized boolean contains(String id) {
        return byId.containsKey(id);
    }

    private void evict() {
        Iterator<Map.Entry<String, Long>> oldest = byId.entrySet().iterator();
        while (byId.size() > capacity && oldest.hasNext()) {
            Map.Entry<String, Long> entry = oldest.next();
            for (int b = 0; b < BANDS; b++) {
                int key = band(entry.getValue(), b);
                List<String> ids = bands.get(b).get(key);
                ids.remove(entry.getKey());
                if (ids.isEmpty()) {
                    bands.get(b).remove(key);
                }
            }
            oldest.remove();
        }
    }

    private static int band(long hash, int b) {
        return (int) ((hash >>> (8 * b)) & 0xFF);
    }
}
