package dev.newswire.enrich.entities;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained linear-chain tagger: hashed feature weights per label plus label transitions. Only the
 * features that ended with a weight are kept, and weights are 16-bit fixed point (the model files
 * hold them so). Decoding looks up some 40 feature ids per token and adds the weights of those that
 * carry any, so the layout serves these two steps:
 * <ul>
 * <li>the ids that carry weights are a bit set over the hash space with a running count per 64 ids
 *     (a rank directory, 1 MB for 22-bit ids whatever the model's size): an id is one read of one
 *     cache line, and a present one finds its weights, kept in id order, at the count of ids before
 *     it;</li>
 * <li>the weights of an id are added two labels at a time, as 32-bit lanes of a long: each held
 *     plus 2^15, so a lane never goes negative and never carries into the next (fewer than 2^16
 *     features per token); the sum of a token's {@code k} features is the lane minus {@code k}
 *     times 2^15, the exact sum of the 16-bit weights.</li>
 * </ul>
 * Over a page those reads are scattered over megabytes (13 MB of weights in the Japanese model) and
 * miss the caches, so a token's ids are first all turned into rows, without a branch on whether
 * an id is present (which mispredicts and throws away the reads in flight), and then the rows are
 * summed lane by lane: the misses of a token overlap instead of coming one after the other.
 * Immutable and thread-safe.
 */
final class LinearChainModel {

    private static final int MAGIC = 0x4E574E52; // "NWNR"
    private static final int FORMAT = 1;
    private static final int BIAS = 1 << 15;

    private final int labels;
    /** Longs per feature id: two labels each. */
    private final int lanes;
    private final int size;
    /** Per 64 feature ids: at 2w the bits of the ids that carry weights, at 2w + 1 how many ids below 64w do. */
    private final long[] directory;
    /** The weights of the i-th id (in id order) at [i * lanes, (i + 1) * lanes), biased, two per long. */
    private final long[] weights;
    private final float scale;
    private final float[] transitions;
    private final List<String> lexicon;

    /**
     * @param keys        feature ids that carry weights
     * @param weights     their weights, {@code labels} per key, in the order of {@code keys}
     * @param transitions see {@link Viterbi#decode}
     * @param lexicon     extra word list the features of the language need (may be empty)
     */
    LinearChainModel(int labels, int[] keys, float[] weights, float[] transitions, List<String> lexicon) {
        this(labels, keys, quantized(weights), scale(weights), transitions, lexicon);
    }

    private LinearChainModel(int labels, int[] keys, short[] weights, float scale, float[] transitions,
                             List<String> lexicon) {
        this.labels = labels;
        this.lanes = (labels + 1) / 2;
        this.size = keys.length;
        this.scale = scale;
        this.transitions = transitions;
        this.lexicon = List.copyOf(lexicon);
        int[] order = idOrder(keys);
        int max = keys.length == 0 ? 0 : keys[order[order.length - 1]];
        this.directory = new long[2 * ((max >>> 6) + 1)];
        this.weights = new long[keys.length * lanes];
        int n = 0;
        for (int i : order) {
            int key = keys[i];
            if (key < 0) {
                throw new IllegalArgumentException("feature id " + key + " is not a FeatureHash id");
            }
            if ((directory[2 * (key >>> 6)] & (1L << key)) != 0) {
                throw new IllegalArgumentException("feature id " + key + " appears twice");
            }
            directory[2 * (key >>> 6)] |= 1L << key;
            for (int l = 0; l < labels; l++) {
                this.weights[n * lanes + l / 2] |= (long) (weights[i * labels + l] + BIAS) << (32 * (l % 2));
            }
            n++;
        }
        long before = 0;
        for (int w = 0; w < directory.length; w += 2) {
            directory[w + 1] = before;
            before += Long.bitCount(directory[w]);
        }
    }

    /** Positions of {@code keys} in ascending order of id (the models are written so; a trainer may not). */
    private static int[] idOrder(int[] keys) {
        boolean ascending = true;
        for (int i = 1; i < keys.length && ascending; i++) {
            ascending = keys[i - 1] < keys[i];
        }
        if (ascending) {
            return IntStream.range(0, keys.length).toArray();
        }
        return IntStream.range(0, keys.length).boxed().sorted(Comparator.comparingInt(i -> keys[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    int labels() {
        return labels;
    }

    List<String> lexicon() {
        return lexicon;
    }

    int size() {
        return size;
    }

    /** Best labels for a sequence given the feature ids of each position. */
    int[] decode(int[][] features) {
        return decode(features, null);
    }

    /** Best labels given the feature ids and, where a row is not null, scores to add per label. */
    int[] decode(int[][] features, float[][] extra) {
        float[][] emissions = new float[features.length][labels];
        long[] sum = new long[lanes];
        int[] rows = new int[0];
        for (int i = 0; i < features.length; i++) {
            int[] ids = features[i];
            if (rows.length < ids.length) {
                rows = new int[ids.length];
            }
            // The rows of the ids that carry weights; an absent id's row is overwritten by the next.
            int found = 0;
            for (int id : ids) {
                int w = 2 * (id >>> 6);
                if (w >= directory.length) {
                    continue; // beyond the highest id with weights
                }
                long bits = directory[w];
                rows[found] = ((int) directory[w + 1] + Long.bitCount(bits & ((1L << id) - 1))) * lanes;
                found += (int) (bits >>> id) & 1;
            }
            for (int l = 0; l < lanes; l++) {
                long s = 0;
                for (int k = 0; k < found; k++) {
                    s += weights[rows[k] + l];
                }
                sum[l] = s;
            }
            long bias = (long) found * BIAS;
            float[] row = emissions[i];
            for (int l = 0; l < labels; l++) {
                row[l] = (int) (lane(sum, l) - bias) * scale;
            }
            if (extra != null && extra[i] != null) {
                for (int l = 0; l < labels; l++) {
                    row[l] += extra[i][l];
                }
            }
        }
        return Viterbi.decode(emissions, transitions, labels);
    }

    /** The 32-bit lane of label {@code l}, unsigned. */
    private static long lane(long[] packed, int l) {
        return (packed[l / 2] >>> (32 * (l % 2))) & 0xFFFFFFFFL;
    }

    private static float scale(float[] weights) {
        float max = 1e-9f;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        return max / Short.MAX_VALUE;
    }

    private static short[] quantized(float[] weights) {
        float scale = scale(weights);
        short[] q = new short[weights.length];
        for (int i = 0; i < weights.length; i++) {
            q[i] = (short) Math.round(weights[i] / scale);
        }
        return q;
    }

    /** Writes the model: keys as deltas, weights as they are held (16-bit), gzipped. */
    void write(OutputStream out) throws IOException {
        try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(out)))) {
            data.writeInt(MAGIC);
            data.writeInt(FORMAT);
            data.writeInt(labels);
            data.writeInt(size);
            data.writeFloat(scale * Short.MAX_VALUE);
            int previous = 0;
            for (int key : keys()) {
                data.writeInt(key - previous);
                previous = key;
            }
            long[] one = new long[lanes];
            for (int i = 0; i < size; i++) {
                System.arraycopy(weights, i * lanes, one, 0, lanes);
                for (int l = 0; l < labels; l++) {
                    data.writeShort((int) (lane(one, l) - BIAS));
                }
            }
            data.writeInt(transitions.length);
            for (float t : transitions) {
                data.writeFloat(t);
            }
            data.writeInt(lexicon.size());
            for (String word : lexicon) {
                data.writeUTF(word);
            }
        }
    }

    /** The feature ids that carry weights, ascending. */
    private int[] keys() {
        int[] keys = new int[size];
        int n = 0;
        for (int w = 0; w < directory.length; w += 2) {
            for (long bits = directory[w]; bits != 0; bits &= bits - 1) {
                keys[n++] = (w / 2) * 64 + Long.numberOfTrailingZeros(bits);
            }
        }
        return keys;
    }

    static LinearChainModel read(InputStream in) {
        try (DataInputStream data = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in), 1 << 16))) {
            if (data.readInt() != MAGIC || data.readInt() != FORMAT) {
                throw new IOException("not a Newswire NER model of format " + FORMAT);
            }
            int labels = data.readInt();
            int n = data.readInt();
            float max = data.readFloat();
            int[] keys = new int[n];
            int previous = 0;
            for (int i = 0; i < n; i++) {
                previous += data.readInt();
                keys[i] = previous;
            }
            short[] weights = new short[n * labels];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = data.readShort();
            }
            float[] transitions = new float[data.readInt()];
            for (int i = 0; i < transitions.length; i++) {
                transitions[i] = data.readFloat();
            }
            int words = data.readInt();
            List<String> lexicon = new ArrayList<>(words);
            for (int i = 0; i < words; i++) {
                lexicon.add(data.readUTF());
            }
            return new LinearChainModel(labels, keys, weights, max / Short.MAX_VALUE, transitions, lexicon);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NER model", e);
        }
    }
}
