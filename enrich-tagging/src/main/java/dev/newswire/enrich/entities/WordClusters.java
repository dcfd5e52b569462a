package dev.newswire.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Clusters of English words by their GloVe vectors ({@link BuildWordClusters}): words used alike in
 * six billion words of Wikipedia and news share a cluster, so a surname, a town, a band or a club
 * the training data never shows still lands beside ones it does. Each word has two clusterings,
 * from different seeds and fan-outs, each at several granularities; words outside the 200,000 most
 * frequent have none. About 25 MB of heap.
 */
final class WordClusters {

    static final String RESOURCE = "en-word-clusters.tsv.gz";

    private static final WordClusters INSTANCE = new WordClusters();
    /** Room for the second clustering's code in a packed value. */
    private static final int SECOND_RANGE = 1 << 12;

    /** Lower-case word → (first code + 1) × {@link #SECOND_RANGE} + second code. */
    private final Map<String, Integer> codes = new HashMap<>(1 << 19);

    private WordClusters() {
        try (InputStream in = WordClusters.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                int tab2 = line.indexOf('\t', tab + 1);
                int first = Integer.parseInt(line, tab + 1, tab2, 10);
                int second = Integer.parseInt(line, tab2 + 1, line.length(), 10);
                codes.put(line.substring(0, tab), (first + 1) * SECOND_RANGE + second);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WordClusters get() {
        return INSTANCE;
    }

    /** The word's clusters (any case), 0 when it has none; read with {@link #first} and {@link #second}. */
    int of(String word) {
        Integer packed = codes.get(word.toLowerCase(Locale.ROOT));
        return packed == null ? 0 : packed;
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
        for (int l = BuildWordClusters.FAN_OUT.length - 1; l > level; l--) {
            c /= BuildWordClusters.FAN_OUT[l];
        }
        return c + 1;
    }

    /** The word's cluster in the second clustering plus one (0: none), at {@code level} 0 (of 40) or 1 (of 1,000). */
    static int second(int packed, int level) {
        if (packed == 0) {
            return 0;
        }
        int c = packed % SECOND_RANGE;
        for (int l = BuildWordClusters.SECOND_FAN_OUT.length - 1; l > level; l--) {
            c /= BuildWordClusters.SECOND_FAN_OUT[l];
        }
        return c + 1;
    }
}
