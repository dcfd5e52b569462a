package dev.newswire.enrich.entities;

import java.util.Arrays;

/** Best label sequence of a first-order linear chain under the {@link Bio} constraints. */
final class Viterbi {

    private Viterbi() {
    }

    /**
     * @param emissions   score of each label at each position, [n][labels]
     * @param transitions score of label b after label a at [(a + 1) * labels + b]; row 0 is the start
     */
    static int[] decode(float[][] emissions, float[] transitions, int labels) {
        int n = emissions.length;
        int[] best = new int[n];
        if (n == 0) {
            return best;
        }
        // A forbidden transition scores minus infinity: it never beats an allowed one, so the
        // inner loop needs no test, and the sums and comparisons are those of skipping it.
        float[] allowed = new float[transitions.length];
        for (int a = -1; a < labels; a++) {
            for (int b = 0; b < labels; b++) {
                int at = (a + 1) * labels + b;
                allowed[at] = Bio.allowed(a, b) ? transitions[at] : Float.NEGATIVE_INFINITY;
            }
        }
        float[] previous = new float[labels];
        float[] current = new float[labels];
        int[] back = new int[n * labels];
        for (int b = 0; b < labels; b++) {
            previous[b] = Bio.allowed(-1, b) ? transitions[b] + emissions[0][b] : Float.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            // For each label b the first a of the highest score, as a loop over a inside one over b finds it.
            Arrays.fill(current, Float.NEGATIVE_INFINITY);
            int row = i * labels;
            for (int a = 0; a < labels; a++) {
                float from = previous[a];
                int at = (a + 1) * labels;
                for (int b = 0; b < labels; b++) {
                    float s = from + allowed[at + b];
                    if (s > current[b]) {
                        current[b] = s;
                        back[row + b] = a;
                    }
                }
            }
            float[] emission = emissions[i];
            for (int b = 0; b < labels; b++) {
                current[b] += emission[b];
            }
            float[] swap = previous;
            previous = current;
            current = swap;
        }
        int arg = 0;
        for (int b = 1; b < labels; b++) {
            if (previous[b] > previous[arg]) {
                arg = b;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            best[i] = arg;
            arg = back[i * labels + arg];
        }
        return best;
    }
}
