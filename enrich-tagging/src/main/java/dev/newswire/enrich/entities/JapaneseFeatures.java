package dev.newswire.enrich.entities;

/**
 * Features of each character of a Japanese text for the character-level tagger: the characters and
 * their classes around it, the kuromoji morpheme it belongs to (part of speech, surface, where in
 * the morpheme it sits) and its neighbours, and the gazetteer's opinion. Characters rather than
 * morphemes are tagged because kuromoji's dictionary splits modern names (習近平 → 習 + 近平).
 */
final class JapaneseFeatures {

    private static final int BOS = -1;
    private static final int EOS = -2;

    private JapaneseFeatures() {
    }

    /**
     * @param cp     the text's code points
     * @param tokens kuromoji's morphemes of the same text
     * @param hints   per code point, a gazetteer hint ({@link GazetteerHints}), 0 for none
     * @param lattice per code point, the dictionary's proper nouns there ({@link DictionaryLattice})
     */
    static int[][] of(int[] cp, JapaneseTokens tokens, int[] hints, long[] lattice) {
        int n = cp.length;
        int[] c = new int[n];
        int[] k = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = CharClass.fold(cp[i]);
            k[i] = CharClass.of(cp[i]);
        }
        // Morpheme of each character, and its position in it (1 begin, 2 inside, 3 end, 4 single).
        int[] token = new int[n];
        int[] place = new int[n];
        java.util.Arrays.fill(token, -1);
        int tokenCount = tokens.size();
        int[] surfaceHash = new int[tokenCount];
        int[] posHash = new int[tokenCount];
        int[] posMajorHash = new int[tokenCount];
        for (int t = 0; t < tokenCount; t++) {
            surfaceHash[t] = FeatureHash.string(tokens.surface()[t]);
            String pos = tokens.partOfSpeech()[t];
            posHash[t] = FeatureHash.string(pos);
            int dash = pos.indexOf('-');
            int second = dash < 0 ? -1 : pos.indexOf('-', dash + 1);
            posMajorHash[t] = FeatureHash.string(second < 0 ? pos : pos.substring(0, second));
            for (int i = tokens.start()[t]; i < tokens.end()[t] && i < n; i++) {
                token[i] = t;
                int length = tokens.end()[t] - tokens.start()[t];
                place[i] = length == 1 ? 4 : i == tokens.start()[t] ? 1 : i == tokens.end()[t] - 1 ? 3 : 2;
            }
        }
        // Runs of one character class: position in the run and its length (capped).
        int[] runPlace = new int[n];
        int[] runLength = new int[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && k[j] == k[i]) {
                j++;
            }
            for (int x = i; x < j; x++) {
                runPlace[x] = j - i == 1 ? 4 : x == i ? 1 : x == j - 1 ? 3 : 2;
                runLength[x] = Math.min(j - i, 8);
            }
            i = j;
        }

        int[][] features = new int[n][];
        int[] f = new int[72];
        for (int i = 0; i < n; i++) {
            int m = 0;
            int c0 = c[i];
            int cm1 = i > 0 ? c[i - 1] : BOS;
            int cm2 = i > 1 ? c[i - 2] : BOS;
            int cp1 = i + 1 < n ? c[i + 1] : EOS;
            int cp2 = i + 2 < n ? c[i + 2] : EOS;
            int k0 = k[i];
            int km1 = i > 0 ? k[i - 1] : BOS;
            int km2 = i > 1 ? k[i - 2] : BOS;
            int kp1 = i + 1 < n ? k[i + 1] : EOS;
            int kp2 = i + 2 < n ? k[i + 2] : EOS;
            f[m++] = FeatureHash.of(0, 0);
            f[m++] = FeatureHash.of(1, c0);
            f[m++] = FeatureHash.of(2, cm1);
            f[m++] = FeatureHash.of(3, cp1);
            f[m++] = FeatureHash.of(4, cm2);
            f[m++] = FeatureHash.of(5, cp2);
            f[m++] = FeatureHash.of(6, cm1, c0);
            f[m++] = FeatureHash.of(7, c0, cp1);
            f[m++] = FeatureHash.of(8, cm2, cm1);
            f[m++] = FeatureHash.of(9, cp1, cp2);
            f[m++] = FeatureHash.of(10, cm1, c0, cp1);
            f[m++] = FeatureHash.of(11, cm2, cm1, c0);
            f[m++] = FeatureHash.of(12, c0, cp1, cp2);
            int cm3 = i > 2 ? c[i - 3] : BOS;
            int cp3 = i + 3 < n ? c[i + 3] : EOS;
            f[m++] = FeatureHash.of(17, cm3, cm2, cm1, c0);
            f[m++] = FeatureHash.of(18, c0, cp1, cp2, cp3);
            f[m++] = FeatureHash.of(19, cp1, cp2, cp3);
            f[m++] = FeatureHash.of(32, cm3, cm2, cm1);
            f[m++] = FeatureHash.of(13, k0);
            f[m++] = FeatureHash.of(14, km1, k0, kp1);
            f[m++] = FeatureHash.of(15, km2 * 16 + km1, k0, kp1 * 16 + kp2);
            f[m++] = FeatureHash.of(16, k0, runPlace[i], runLength[i]);
            int t = token[i];
            if (t >= 0) {
                int length = Math.min(tokens.end()[t] - tokens.start()[t], 6);
                f[m++] = FeatureHash.of(20, posHash[t], place[i]);
                f[m++] = FeatureHash.of(21, surfaceHash[t], place[i]);
                f[m++] = FeatureHash.of(22, posHash[t], length, k0);
                f[m++] = FeatureHash.of(23, posMajorHash[t], place[i], c0);
                int prev = t - 1;
                int next = t + 1 < tokenCount ? t + 1 : -1;
                int prevPos = prev >= 0 ? posHash[prev] : BOS;
                int nextPos = next >= 0 ? posHash[next] : EOS;
                int prevSurface = prev >= 0 ? surfaceHash[prev] : BOS;
                int nextSurface = next >= 0 ? surfaceHash[next] : EOS;
                f[m++] = FeatureHash.of(24, prevPos, place[i]);
                f[m++] = FeatureHash.of(25, nextPos, place[i]);
                f[m++] = FeatureHash.of(26, prevSurface, place[i]);
                f[m++] = FeatureHash.of(27, nextSurface, place[i]);
                f[m++] = FeatureHash.of(28, prevPos, posHash[t], nextPos);
                f[m++] = FeatureHash.of(29, prevSurface, surfaceHash[t]);
                f[m++] = FeatureHash.of(30, surfaceHash[t], nextSurface);
            } else {
                f[m++] = FeatureHash.of(31, 0);
            }
            if (hints != null && hints[i] != 0) {
                f[m++] = FeatureHash.of(40, hints[i]);
                f[m++] = FeatureHash.of(41, hints[i], k0);
            }
            long bits = lattice[i];
            while (bits != 0 && m < f.length - 4) {
                int bit = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                f[m++] = FeatureHash.of(50, bit);
            }
            f[m++] = FeatureHash.of(51, (int) (lattice[i] & 0xFFFFFFF), k0);
            features[i] = java.util.Arrays.copyOf(f, m);
        }
        return features;
    }
}
