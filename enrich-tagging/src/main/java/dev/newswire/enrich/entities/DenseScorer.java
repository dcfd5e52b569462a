package dev.newswire.enrich.entities;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;

/**
 * A small network over word vectors whose label scores are added to the English tagger's
 * emissions: one hidden layer of {@value #HIDDEN} tanh units over the GloVe vectors of a capitalised
 * word, of the words around it and of its sentence ({@link EnglishNer.Text#denseRows},
 * {@link WordClusters#vector}), learnt together with the CRF (the CRF's gradient of each label's
 * score is this network's error). Clusters tell the linear model which words are alike; the network
 * can also weigh the dimensions against each other and against the context, which a linear model
 * over clusters cannot (5-fold F1 0.696 → 0.713). The shipped network is {@link #averaged} from
 * several trained ones. Immutable once trained; thread-safe for scoring.
 */
final class DenseScorer {

    static final int HIDDEN = 32;
    /** Per-step rate of plain SGD; 0.2 diverges, 0.05 learns too little in the CRF's 15 epochs. */
    static final double LEARNING_RATE = 0.1;
    static final double L2 = 1e-5;

    private static final int MAGIC = 0x4E574453; // "NWDS"

    private final int inputs;
    private final int hidden;
    private final int labels;
    private final float[] w1;
    private final float[] b1;
    private final float[] w2;
    /**
     * {@code w1} by input, the weights of input {@code d} to the hidden units at {@code [d * hidden,
     * (d + 1) * hidden)}, for {@link #projection}s: a loop over the hidden units for each input runs
     * on the processor's vector lanes, a dot product per hidden unit did not (a third of the time of
     * English tagging). Made at the first projection, and again after {@link #learn} changed {@code w1}.
     */
    private volatile float[] byInput;

    private DenseScorer(int inputs, int hidden, int labels, float[] w1, float[] b1, float[] w2) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.labels = labels;
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
    }

    /** Random small weights from {@code seed} (the same network on every run). */
    static DenseScorer initial(int inputs, int labels, long seed) {
        Random random = new Random(seed);
        float[] w1 = new float[HIDDEN * inputs];
        float[] w2 = new float[labels * HIDDEN];
        double s1 = Math.sqrt(1.0 / inputs);
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (float) (random.nextGaussian() * s1);
        }
        double s2 = 0.1 * Math.sqrt(1.0 / HIDDEN);
        for (int i = 0; i < w2.length; i++) {
            w2[i] = (float) (random.nextGaussian() * s2);
        }
        return new DenseScorer(inputs, HIDDEN, labels, w1, new float[HIDDEN], w2);
    }

    /** One network whose scores are the mean of the {@code members}' scores: their hidden units side by side. */
    static DenseScorer averaged(List<DenseScorer> members) {
        if (members.size() == 1) {
            return members.get(0);
        }
        DenseScorer first = members.get(0);
        int k = members.size();
        int hidden = first.hidden * k;
        float[] w1 = new float[hidden * first.inputs];
        float[] b1 = new float[hidden];
        float[] w2 = new float[first.labels * hidden];
        for (int m = 0; m < k; m++) {
            DenseScorer member = members.get(m);
            System.arraycopy(member.w1, 0, w1, m * member.w1.length, member.w1.length);
            System.arraycopy(member.b1, 0, b1, m * member.hidden, member.hidden);
            for (int l = 0; l < first.labels; l++) {
                for (int j = 0; j < member.hidden; j++) {
                    w2[l * hidden + m * member.hidden + j] = member.w2[l * member.hidden + j] / k;
                }
            }
        }
        return new DenseScorer(first.inputs, hidden, first.labels, w1, b1, w2);
    }

    int hiddenUnits() {
        return hidden;
    }

    /** The hidden layer's activations for input {@code x}. */
    float[] hidden(float[] x) {
        float[] h = new float[hidden];
        for (int j = 0; j < hidden; j++) {
            double s = b1[j];
            int base = j * inputs;
            for (int d = 0; d < inputs; d++) {
                s += w1[base + d] * x[d];
            }
            h[j] = (float) Math.tanh(s);
        }
        return h;
    }

    /** Adds the label scores of hidden activations {@code h} to {@code out}. */
    void addScores(float[] h, double[] out) {
        for (int l = 0; l < labels; l++) {
            double s = 0;
            int base = l * hidden;
            for (int j = 0; j < hidden; j++) {
                s += w2[base + j] * h[j];
            }
            out[l] += s;
        }
    }

    /**
     * What the vector of {@code row} (≥ 0) in place {@code k} of the input ({@link EnglishNer.Text#denseRows})
     * adds to each hidden unit. A text's tagger keeps these per word, so a word that recurs (The, a
     * name) is projected once.
     */
    float[] projection(WordClusters vectors, int k, int row) {
        float[] vector = new float[WordClusters.DIMENSIONS];
        vectors.vector(row, vector, 0);
        return projection(vector, k);
    }

    /** What {@code vector} (of {@link WordClusters#DIMENSIONS}) in place {@code k} of the input adds to each hidden unit. */
    float[] projection(float[] vector, int k) {
        float[] byInput = this.byInput;
        if (byInput == null) {
            byInput = new float[w1.length];
            for (int j = 0; j < hidden; j++) {
                for (int d = 0; d < inputs; d++) {
                    byInput[d * hidden + j] = w1[j * inputs + d];
                }
            }
            this.byInput = byInput;
        }
        float[] p = new float[hidden];
        for (int d = 0; d < vector.length; d++) {
            float x = vector[d];
            int base = (k * WordClusters.DIMENSIONS + d) * hidden;
            for (int j = 0; j < hidden; j++) {
                p[j] += byInput[base + j] * x;
            }
        }
        return p;
    }

    /**
     * The label scores of a capitalised word from the {@link #projection}s of the word before it,
     * itself and the word after it (null: no vector) and whether it starts a sentence: the same as
     * {@link #hidden} and {@link #addScores} over {@link EnglishNer#denseInputs}.
     */
    float[] scores(float[][] projections, boolean sentenceStart) {
        int flags = projections.length * WordClusters.DIMENSIONS;
        float[] h = new float[hidden];
        for (int j = 0; j < hidden; j++) {
            float s = b1[j] + (sentenceStart ? w1[j * inputs + flags] : 0) + w1[j * inputs + flags + 1];
            for (float[] p : projections) {
                if (p != null) {
                    s += p[j];
                }
            }
            h[j] = (float) Math.tanh(s);
        }
        float[] out = new float[labels];
        for (int l = 0; l < labels; l++) {
            float s = 0;
            int base = l * hidden;
            for (int j = 0; j < hidden; j++) {
                s += w2[base + j] * h[j];
            }
            out[l] = s;
        }
        return out;
    }

    /** One step up the gradient {@code g} of the log-likelihood with respect to the label scores. */
    void learn(float[] x, float[] h, double[] g) {
        byInput = null;
        double[] dh = new double[hidden];
        for (int l = 0; l < labels; l++) {
            if (g[l] == 0) {
                continue;
            }
            int base = l * hidden;
            for (int j = 0; j < hidden; j++) {
                dh[j] += w2[base + j] * g[l];
                w2[base + j] += (float) (LEARNING_RATE * (g[l] * h[j] - L2 * w2[base + j]));
            }
        }
        for (int j = 0; j < hidden; j++) {
            double dp = dh[j] * (1 - h[j] * h[j]);
            b1[j] += (float) (LEARNING_RATE * dp);
            int base = j * inputs;
            for (int d = 0; d < inputs; d++) {
                if (x[d] != 0) {
                    w1[base + d] += (float) (LEARNING_RATE * dp * x[d]);
                }
            }
        }
    }

    void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
        out.writeInt(MAGIC);
        out.writeInt(inputs);
        out.writeInt(hidden);
        out.writeInt(labels);
        for (float[] a : new float[][] {w1, b1, w2}) {
            for (float v : a) {
                out.writeFloat(v);
            }
        }
        out.flush();
    }

    static DenseScorer read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Newswire dense scorer");
        }
        int inputs = in.readInt();
        int hidden = in.readInt();
        int labels = in.readInt();
        float[] w1 = new float[hidden * inputs];
        float[] b1 = new float[hidden];
        float[] w2 = new float[labels * hidden];
        for (float[] a : new float[][] {w1, b1, w2}) {
            for (int i = 0; i < a.length; i++) {
                a[i] = in.readFloat();
            }
        }
        return new DenseScorer(inputs, hidden, labels, w1, b1, w2);
    }
}
