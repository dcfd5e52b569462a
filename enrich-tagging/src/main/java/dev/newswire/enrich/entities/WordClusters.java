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
 * the training data never shows still lands beside ones it does. A word's code holds its cluster at
 * three granularities; words not among the 200,000 most frequent have none.
 */
final class WordClusters {

    static final String RESOURCE = "en-word-clusters.tsv.gz";

    private static final WordClusters INSTANCE = new WordClusters();

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
                codes.put(line.substring(0, tab), Integer.parseInt(line, tab + 1, line.length(), 10));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WordClusters get() {
        return INSTANCE;
    }

    /** The word's cluster code plus one (so 0 means unknown); any case. */
    int of(String word) {
        Integer code = codes.get(word.toLowerCase(Locale.ROOT));
        return code == null ? 0 : code + 1;
    }

    /** The cluster at a coarser granularity: {@code level} 0 of 32, 1 of 256, 2 of 2048 clusters. */
    static int coarse(int code, int level) {
        if (code == 0) {
            return 0;
        }
        int c = code - 1;
        for (int l = BuildWordClusters.FAN_OUT.length - 1; l > level; l--) {
            c /= BuildWordClusters.FAN_OUT[l];
        }
        return c + 1;
    }
}
