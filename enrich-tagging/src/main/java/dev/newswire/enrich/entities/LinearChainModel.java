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
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained linear-chain tagger: hashed feature weights per label plus label transitions. Only the
 * features that ended with a weight are kept, in an open-addressing table, and weights are 16-bit
 * fixed point: decoding is bound by memory reads, and a model of a few MB stays in the CPU caches.
 * Immutable and thread-safe.
 */
final class LinearChainModel {

    private static final int MAGIC = 0x4E574E52; // "NWNR"
    private static final int FORMAT = 1;

    private final int labels;
    private final int mask;
    private final int[] table;
    private final short[] weights;
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
        this.weights = weights;
        this.scale = scale;
        this.transitions = transitions;
        this.lexicon = List.copyOf(lexicon);
        int capacity = Integer.highestOneBit(Math.max(16, keys.length * 2)) * 2;
        this.mask = capacity - 1;
        // Slot holds (key << 32 | index) would need longs; two ints side by side keep it compact.
        this.table = new int[capacity * 2];
        java.util.Arrays.fill(table, -1);
        for (int i = 0; i < keys.length; i++) {
            int slot = keys[i] & mask;
            while (table[2 * slot] != -1) {
                slot = (slot + 1) & mask;
            }
            table[2 * slot] = keys[i];
            table[2 * slot + 1] = i;
        }
    }

    int labels() {
        return labels;
    }

    List<String> lexicon() {
        return lexicon;
    }

    int size() {
        return weights.length / labels;
    }

    /** Best labels for a sequence given the feature ids of each position. */
    int[] decode(int[][] features) {
        float[][] emissions = new float[features.length][labels];
        int[] sum = new int[labels];
        for (int i = 0; i < features.length; i++) {
            java.util.Arrays.fill(sum, 0);
            for (int feature : features[i]) {
                int index = indexOf(feature);
                if (index >= 0) {
                    int base = index * labels;
                    for (int l = 0; l < labels; l++) {
                        sum[l] += weights[base + l];
                    }
                }
            }
            float[] row = emissions[i];
            for (int l = 0; l < labels; l++) {
                row[l] = sum[l] * scale;
            }

        }
        return Viterbi.decode(emissions, transitions, labels);
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

    private int indexOf(int key) {
        int slot = key & mask;
        while (true) {
            int k = table[2 * slot];
            if (k == key) {
                return table[2 * slot + 1];
            }
            if (k == -1) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Writes the model: keys as deltas, weights as they are held (16-bit), gzipped. */
    void write(OutputStream out) throws IOException {
        int n = size();
        try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(out)))) {
            data.writeInt(MAGIC);
            data.writeInt(FORMAT);
            data.writeInt(labels);
            data.writeInt(n);
            data.writeFloat(scale * Short.MAX_VALUE);
            int[] keys = keys();
            int previous = 0;
            for (int key : keys) {
                data.writeInt(key - previous);
                previous = key;
            }
            for (short w : weights) {
                data.writeShort(w);
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

    private int[] keys() {
        int[] keys = new int[size()];
        for (int slot = 0; slot <= mask; slot++) {
            if (table[2 * slot] != -1) {
                keys[table[2 * slot + 1]] = table[2 * slot];
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
