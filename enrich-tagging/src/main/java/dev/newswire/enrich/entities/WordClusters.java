package dev.newswire.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Clusters of English words by their GloVe vectors (built by ner-training's {@code BuildWordClusters}): words used alike in
 * six billion words of Wikipedia and news share a cluster, so a surname, a town, a band or a club
 * the training data never shows still lands beside ones it does. Each word has two clusterings,
 * from different seeds and fan-outs, each at several granularities; words outside the 200,000 most
 * frequent have none. The same words' GloVe vectors, in 8 bits a dimension, feed the English
 * tagger's {@link DenseScorer}. About 45 MB of heap.
 */
final class WordClusters {

    static final String RESOURCE = "en-word-clusters.tsv.gz";
    static final String VECTORS = "en-word-vectors.bin.gz";
    static final int DIMENSIONS = 100;
    /** The first clustering's fan-out per level: 32 clusters, each split into 8, each of those into 8 again. */
    static final int[] FAN_OUT = {32, 8, 8};
    /** The second clustering's: 40 clusters, each split into 25. */
    static final int[] SECOND_FAN_OUT = {40, 25};

    private static final WordClusters INSTANCE = new WordClusters();
    /** Room for the second clustering's code in a packed value. */
    private static final int SECOND_RANGE = 1 << 12;

    /** Lower-case word → its row: the words in the files' (frequency) order. */
    private final Map<String, Integer> rows = new HashMap<>(1 << 19);
    /** Per row: (first code + 1) × {@link #SECOND_RANGE} + second code. */
    private final int[] packed;
    /** Per row, {@link #DIMENSIONS} bytes: the unit vector, 8 bits a dimension (twice the value, clamped to ±1, in 1/127 steps). */
    private final byte[] vectors;

    private WordClusters() {
        List<Integer> codes = new ArrayList<>();
        try (InputStream in = resource(RESOURCE)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                int tab2 = line.indexOf('\t', tab + 1);
                int first = Integer.parseInt(line, tab + 1, tab2, 10);
                int second = Integer.parseInt(line, tab2 + 1, line.length(), 10);
                rows.put(line.substring(0, tab), codes.size());
                codes.add((first + 1) * SECOND_RANGE + second);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        packed = codes.stream().mapToInt(Integer::intValue).toArray();
        try (InputStream in = new GZIPInputStream(resource(VECTORS))) {
            vectors = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (vectors.length != packed.length * DIMENSIONS) {
            throw new IllegalStateException(VECTORS + " does not match " + RESOURCE);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = WordClusters.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }

    static WordClusters get() {
        return INSTANCE;
    }

    /** The word's row (any case), -1 when it has none. */
    int row(String word) {
        Integer row = rows.get(word.toLowerCase(Locale.ROOT));
        return row == null ? -1 : row;
    }

    /** The word's clusters (any case), 0 when it has none; read with {@link #first} and {@link #second}. */
    int of(String word) {
        return packed(row(word));
    }

    /** The clusters of {@code row} ({@link #row}; 0 for -1), as {@link #of}. */
    int packed(int row) {
        return row < 0 ? 0 : packed[row];
    }

    /** Copies the vector of {@code row} (≥ 0) into {@code out} from {@code offset}. */
    void vector(int row, float[] out, int offset) {
        int base = row * DIMENSIONS;
        for (int d = 0; d < DIMENSIONS; d++) {
            out[offset + d] = vectors[base + d] / 254f;
        }
    }

    /**
     * The word's cluster in the first clustering plus one (0: none), at {@code level} 0 (of 32), 1
     * (of 256) or 2 (of 2,048 clusters).
     */
    static int first(int packed, int level) {
        if (packed == 0) {
            return 0;
        }
        int c = packed / SECOND_RANGE - 1;
        for (int l = FAN_OUT.length - 1; l > level; l--) {
            c /= FAN_OUT[l];
        }
        return c + 1;
    }

    /** The word's cluster in the second clustering plus one (0: none), at {@code level} 0 (of 40) or 1 (of 1,000). */
    static int second(int packed, int level) {
        if (packed == 0) {
            return 0;
        }
        int c = packed % SECOND_RANGE;
        for (int l = SECOND_FAN_OUT.length - 1; l > level; l--) {
            c /= SECOND_FAN_OUT[l];
        }
        return c + 1;
    }
}
