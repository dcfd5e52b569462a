package dev.newswire.enrich.entities;

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
        float[][] score = new float[n][labels];
        int[][] back = new int[n][labels];
        for (int b = 0; b < labels; b++) {
            score[0][b] = Bio.allowed(-1, b) ? transitions[b] + emissions[0][b] : Float.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            for (int b = 0; b < labels; b++) {
                float top = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int a = 0; a < labels; a++) {
                    if (!Bio.allowed(a, b)) {
                        continue;
                    }
                    float s = score[i - 1][a] + transitions[(a + 1) * labels + b];
                    if (s > top) {
                        top = s;
                        arg = a;
                    }
                }
                score[i][b] = top + emissions[i][b];
                back[i][b] = arg;
            }
        }
        int arg = 0;
        for (int b = 1; b < labels; b++) {
            if (score[n - 1][b] > score[n - 1][arg]) {
                arg = b;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            best[i] = arg;
            arg = back[i][arg];
        }
        return best;
    }
}
