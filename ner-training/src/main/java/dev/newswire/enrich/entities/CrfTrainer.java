package dev.newswire.enrich.entities;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Trains a {@link LinearChainModel} as a linear-chain CRF: maximum likelihood with L2
 * regularisation, by stochastic gradient descent (the weight-scaling form of Bottou's SGD, as in
 * CRFsuite's l2sgd), marginals from scaled forward-backward under the {@link Bio} constraints.
 * In 5-fold cross-validation it beat the averaged perceptron by 0.5 (ja) and 1.7 (en) points of F1.
 * Training holds dense arrays over the whole hashed feature space (about 220 MB); the trained
 * model keeps only the features that ended with a weight.
 */
final class CrfTrainer {

    /**
     * One training sequence: feature ids per position, the gold labels, the network's inputs (or
     * null), and its weight in learning (the step of its updates and its share of the L2 strength).
     */
    record Example(int[][] features, int[] labels, float[][] dense, double weight) {
        /** An example without dense inputs. */
        Example(int[][] features, int[] labels) {
            this(features, labels, null, 1);
        }

        /** An example of full weight. */
        Example(int[][] features, int[] labels, float[][] dense) {
            this(features, labels, dense, 1);
        }
    }

    /** L2 strength (CRFsuite's c2); chosen by 5-fold cross-validation of both languages. */
    static final double C2 = 0.3;
    static final double LEARNING_RATE = 0.1;
    static final int EPOCHS = 15;

    /**
     * Features whose weights all stay below this are left out of the trained model: a third of the
     * Japanese model, 0.1 point of F1.
     */
    static final float PRUNE = 0.05f;

    private final int labels;
    /** Learnt along with the weights where examples have dense inputs (rows may be null), or null. */
    private final DenseScorer dense;
    private final float[] weights;
    private final double[] transitions;
    private double scale = 1;

    CrfTrainer(int labels) {
        this(labels, null);
    }

    CrfTrainer(int labels, DenseScorer dense) {
        this.labels = labels;
        this.dense = dense;
        this.weights = new float[FeatureHash.SPACE * labels];
        this.transitions = new double[(labels + 1) * labels];
    }

    /**
     * Trains {@code members} CRFs, member {@code m} on {@code examples.apply(m)} in an order from
     * {@code seed + m} (and with network {@code denses.apply(m)}, changed in place, or none for
     * null), and returns the CRF of their averaged weights: it scores as the mean of the members'
     * scores, and so does it with their networks joined by {@link DenseScorer#averaged}.
     */
    static LinearChainModel trainAveraged(int labels, int members, IntFunction<List<Example>> examples, long seed,
                                          int epochs, IntFunction<DenseScorer> denses, List<String> lexicon) {
        CrfTrainer mean = new CrfTrainer(labels);
        for (int m = 0; m < members; m++) {
            CrfTrainer member = new CrfTrainer(labels, denses.apply(m));
            member.fit(examples.apply(m), seed + m, epochs);
            for (int i = 0; i < mean.weights.length; i++) {
                mean.weights[i] += member.weights[i] / members;
            }
            for (int i = 0; i < mean.transitions.length; i++) {
                mean.transitions[i] += member.transitions[i] / members;
            }
        }
        return mean.export(lexicon);
    }

    private void fit(List<Example> examples, long seed, int epochs) {
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(seed);
        double lambda = 2 * C2 / examples.stream().mapToDouble(Example::weight).sum();
        double eta0 = LEARNING_RATE;
        long t = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            for (Example example : order) {
                double eta = eta0 / (1 + eta0 * lambda * t++);
                scale *= 1 - eta * lambda;
                learn(example, eta * example.weight());
                if (scale < 1e-9) {
                    rescale();
                }
            }
        }
        rescale();
    }

    private void rescale() {
        for (int i = 0; i < weights.length; i++) {
            weights[i] *= (float) scale;
        }
        scale = 1;
    }

    private void learn(Example example, double eta) {
        int n = example.labels().length;
        if (n == 0) {
            return;
        }
        int[][] features = example.features();
        double[][] psi = new double[n][labels];
        float[][] hiddens = dense != null && example.dense() != null ? new float[n][] : null;
        for (int i = 0; i < n; i++) {
            double[] row = psi[i];
            for (int feature : features[i]) {
                int base = feature * labels;
                for (int l = 0; l < labels; l++) {
                    row[l] += weights[base + l];
                }
            }
            for (int l = 0; l < labels; l++) {
                row[l] = row[l] * scale + (i == 0 ? (Bio.allowed(-1, l) ? transitions[l] : Double.NEGATIVE_INFINITY) : 0);
            }
            if (hiddens != null && example.dense()[i] != null) {
                hiddens[i] = dense.hidden(example.dense()[i]);
                dense.addScores(hiddens[i], row);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int l = 0; l < labels; l++) {
                max = Math.max(max, row[l]);
            }
            for (int l = 0; l < labels; l++) {
                row[l] = Math.exp(row[l] - max);
            }
        }
        double[] trans = new double[labels * labels];
        for (int a = 0; a < labels; a++) {
            for (int b = 0; b < labels; b++) {
                trans[a * labels + b] = Bio.allowed(a, b) ? Math.exp(transitions[(a + 1) * labels + b]) : 0;
            }
        }
        // Scaled forward and backward.
        double[][] alpha = new double[n][labels];
        double[][] beta = new double[n][labels];
        double[] norm = new double[n];
        for (int l = 0; l < labels; l++) {
            alpha[0][l] = psi[0][l];
        }
        norm[0] = normalise(alpha[0]);
        for (int i = 1; i < n; i++) {
            for (int b = 0; b < labels; b++) {
                double sum = 0;
                for (int a = 0; a < labels; a++) {
                    sum += alpha[i - 1][a] * trans[a * labels + b];
                }
                alpha[i][b] = sum * psi[i][b];
            }
            norm[i] = normalise(alpha[i]);
        }
        for (int l = 0; l < labels; l++) {
            beta[n - 1][l] = 1;
        }
        for (int i = n - 2; i >= 0; i--) {
            for (int a = 0; a < labels; a++) {
                double sum = 0;
                for (int b = 0; b < labels; b++) {
                    sum += trans[a * labels + b] * psi[i + 1][b] * beta[i + 1][b];
                }
                beta[i][a] = sum / norm[i + 1];
            }
        }
        int[] gold = example.labels();
        double step = eta / scale;
        for (int i = 0; i < n; i++) {
            double z = 0;
            double[] marginal = new double[labels];
            for (int l = 0; l < labels; l++) {
                marginal[l] = alpha[i][l] * beta[i][l];
                z += marginal[l];
            }
            if (hiddens != null && hiddens[i] != null) {
                double[] g = new double[labels];
                for (int l = 0; l < labels; l++) {
                    g[l] = ((l == gold[i] ? 1 : 0) - marginal[l] / z) * example.weight();
                }
                dense.learn(example.dense()[i], hiddens[i], g);
            }
            for (int feature : features[i]) {
                int base = feature * labels;
                for (int l = 0; l < labels; l++) {
                    double g = (l == gold[i] ? 1 : 0) - marginal[l] / z;
                    if (g != 0) {
                        weights[base + l] += (float) (step * g);
                    }
                }
            }
            if (i == 0) {
                for (int l = 0; l < labels; l++) {
                    transitions[l] += eta * ((l == gold[0] ? 1 : 0) - marginal[l] / z);
                }
            } else {
                double zz = 0;
                double[] pair = new double[labels * labels];
                for (int a = 0; a < labels; a++) {
                    for (int b = 0; b < labels; b++) {
                        double p = alpha[i - 1][a] * trans[a * labels + b] * psi[i][b] * beta[i][b];
                        pair[a * labels + b] = p;
                        zz += p;
                    }
                }
                for (int a = 0; a < labels; a++) {
                    for (int b = 0; b < labels; b++) {
                        double g = (a == gold[i - 1] && b == gold[i] ? 1 : 0) - pair[a * labels + b] / zz;
                        transitions[(a + 1) * labels + b] += eta * g;
                    }
                }
            }
        }
    }

    private static double normalise(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        if (sum > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= sum;
            }
        }
        return sum;
    }

    private LinearChainModel export(List<String> lexicon) {
        List<Integer> keys = new ArrayList<>();
        List<Float> kept = new ArrayList<>();
        for (int feature = 0; feature < FeatureHash.SPACE; feature++) {
            boolean any = false;
            for (int l = 0; l < labels; l++) {
                any |= Math.abs(weights[feature * labels + l]) > PRUNE;
            }
            if (any) {
                keys.add(feature);
                for (int l = 0; l < labels; l++) {
                    kept.add(weights[feature * labels + l]);
                }
            }
        }
        float[] w = new float[kept.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = kept.get(i);
        }
        float[] t = new float[transitions.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) transitions[i];
        }
        return new LinearChainModel(labels, keys.stream().mapToInt(Integer::intValue).toArray(), w, t, lexicon);
    }
}
