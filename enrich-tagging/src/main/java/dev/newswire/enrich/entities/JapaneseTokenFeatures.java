package dev.newswire.enrich.entities;

/**
 * Features of each kuromoji morpheme for the morpheme-level tagger: the morpheme and its
 * neighbours (surface, part of speech, their pairs), its shape (character classes, first and last
 * characters, length), the run of nouns it belongs to (whose last morpheme, 株式会社 or 県 or 氏,
 * tells the type), the gazetteer's hint, and two more dictionaries' opinions: UniDic's segmentation
 * of the same text ({@link UnidicView}) and what UniDic and JUMAN hold for the morpheme and the longer
 * spans around it ({@link NameLexicons}). The two dictionaries took held-out F1 from 0.771 to 0.803.
 * A morpheme in Latin letters (Debian, Yelp, PSION: 6 % of the names) also gets its English word
 * clusters ({@link WordClusters}; 5-fold F1 0.789 → 0.792).
 */
final class JapaneseTokenFeatures {

    private static final int BOS = -1;
    private static final int EOS = -2;

    private JapaneseTokenFeatures() {
    }

    static int[][] of(int[] cp, JapaneseTokens tokens, int[] hints, UnidicView unidic) {
        int n = tokens.size();
        int[] w = new int[n];
        int[] p = new int[n];
        int[] major = new int[n];
        int[] shape = new int[n];
        for (int t = 0; t < n; t++) {
            w[t] = FeatureHash.string(tokens.surface()[t]);
            String pos = tokens.partOfSpeech()[t];
            p[t] = FeatureHash.string(pos);
            int dash = pos.indexOf('-');
            int second = dash < 0 ? -1 : pos.indexOf('-', dash + 1);
            major[t] = FeatureHash.string(second < 0 ? pos : pos.substring(0, second));
            int h = 17;
            int last = -1;
            for (int i = tokens.start()[t]; i < tokens.end()[t] && i < cp.length; i++) {
                int k = CharClass.of(cp[i]);
                if (k != last) {
                    h = h * 31 + k;
                }
                last = k;
            }
            shape[t] = h;
        }
        int[] runFirst = new int[n];
        int[] runLast = new int[n];
        boolean[] inRun = new boolean[n];
        for (int t = 0; t < n; ) {
            if (!nominal(tokens.partOfSpeech()[t], tokens.surface()[t])) {
                t++;
                continue;
            }
            int u = t + 1;
            while (u < n && nominal(tokens.partOfSpeech()[u], tokens.surface()[u])
                    && tokens.start()[u] == tokens.end()[u - 1]) {
                u++;
            }
            for (int x = t; x < u; x++) {
                inRun[x] = true;
                runFirst[x] = t;
                runLast[x] = u - 1;
            }
            t = u;
        }

        NameLexicons.Hints lex = NameLexicons.get().of(cp, tokens, inRun, runLast);
        int[][] features = new int[n][];
        int[] f = new int[96];
        for (int t = 0; t < n; t++) {
            int m = 0;
            int wm1 = t > 0 ? w[t - 1] : BOS;
            int wm2 = t > 1 ? w[t - 2] : BOS;
            int wp1 = t + 1 < n ? w[t + 1] : EOS;
            int wp2 = t + 2 < n ? w[t + 2] : EOS;
            int pm1 = t > 0 ? p[t - 1] : BOS;
            int pm2 = t > 1 ? p[t - 2] : BOS;
            int pp1 = t + 1 < n ? p[t + 1] : EOS;
            int pp2 = t + 2 < n ? p[t + 2] : EOS;
            int start = tokens.start()[t];
            int end = Math.min(tokens.end()[t], cp.length);
            int length = Math.min(end - start, 8);
            int first = start < cp.length ? CharClass.fold(cp[start]) : 0;
            int lastChar = end > start ? CharClass.fold(cp[end - 1]) : 0;
            f[m++] = FeatureHash.of(200, 0);
            f[m++] = FeatureHash.of(201, w[t]);
            f[m++] = FeatureHash.of(202, p[t]);
            f[m++] = FeatureHash.of(203, w[t], p[t]);
            f[m++] = FeatureHash.of(204, FeatureHash.string(tokens.baseForm()[t]));
            f[m++] = FeatureHash.of(205, shape[t], length);
            f[m++] = FeatureHash.of(206, shape[t], p[t]);
            f[m++] = FeatureHash.of(207, first);
            f[m++] = FeatureHash.of(208, lastChar);
            if (end - start >= 2) {
                f[m++] = FeatureHash.of(209, first, CharClass.fold(cp[start + 1]));
                f[m++] = FeatureHash.of(210, CharClass.fold(cp[end - 2]), lastChar);
            }
            f[m++] = FeatureHash.of(211, wm1);
            f[m++] = FeatureHash.of(212, wp1);
            f[m++] = FeatureHash.of(213, wm2);
            f[m++] = FeatureHash.of(214, wp2);
            f[m++] = FeatureHash.of(215, pm1);
            f[m++] = FeatureHash.of(216, pp1);
            f[m++] = FeatureHash.of(217, pm2);
            f[m++] = FeatureHash.of(218, pp2);
            f[m++] = FeatureHash.of(219, wm1, w[t]);
            f[m++] = FeatureHash.of(220, w[t], wp1);
            f[m++] = FeatureHash.of(221, pm1, p[t]);
            f[m++] = FeatureHash.of(222, p[t], pp1);
            f[m++] = FeatureHash.of(223, pm1, p[t], pp1);
            f[m++] = FeatureHash.of(224, wm1, p[t]);
            f[m++] = FeatureHash.of(225, p[t], wp1);
            f[m++] = FeatureHash.of(226, wm2, wm1);
            f[m++] = FeatureHash.of(227, wp1, wp2);
            f[m++] = FeatureHash.of(228, pm2, pm1, p[t]);
            f[m++] = FeatureHash.of(229, p[t], pp1, pp2);
            f[m++] = FeatureHash.of(230, major[t], t > 0 ? major[t - 1] : BOS, t + 1 < n ? major[t + 1] : EOS);
            f[m++] = FeatureHash.of(231, shape[t], t > 0 ? shape[t - 1] : BOS);
            f[m++] = FeatureHash.of(232, shape[t], t + 1 < n ? shape[t + 1] : EOS);
            f[m++] = FeatureHash.of(233, t == 0 ? 1 : 0, p[t]);
            int unknown = tokens.unknown()[t] ? 1 : 0;
            f[m++] = FeatureHash.of(234, unknown, shape[t]);
            f[m++] = FeatureHash.of(235, unknown, p[t], t > 0 && tokens.unknown()[t - 1] ? 1 : 0);
            f[m++] = FeatureHash.of(236, unknown, wm1);
            f[m++] = FeatureHash.of(237, unknown, wp1);
            if (inRun[t]) {
                int a = runFirst[t];
                int b = runLast[t];
                int where = a == b ? 4 : t == a ? 1 : t == b ? 3 : 2;
                int before = a > 0 ? w[a - 1] : BOS;
                int after = b + 1 < n ? w[b + 1] : EOS;
                f[m++] = FeatureHash.of(240, w[b], where);
                f[m++] = FeatureHash.of(241, p[b], where);
                f[m++] = FeatureHash.of(242, w[a], where);
                f[m++] = FeatureHash.of(243, before, where);
                f[m++] = FeatureHash.of(244, after, where);
                f[m++] = FeatureHash.of(245, Math.min(b - a + 1, 6), where);
                f[m++] = FeatureHash.of(246, w[b], p[t], where);
                f[m++] = FeatureHash.of(247, before, w[b]);
                f[m++] = FeatureHash.of(248, after, w[b]);
            }
            // What UniDic and JUMAN know of the morpheme and of longer entries that cover it.
            f[m++] = FeatureHash.of(290, lex.unidicSingle()[t], lex.jumanSingle()[t]);
            f[m++] = FeatureHash.of(291, lex.unidicSingle()[t], p[t]);
            f[m++] = FeatureHash.of(292, lex.jumanSingle()[t], p[t]);
            f[m++] = FeatureHash.of(293, lex.unidic()[t], lex.unidicPlace()[t]);
            f[m++] = FeatureHash.of(294, lex.juman()[t], lex.jumanPlace()[t]);
            f[m++] = FeatureHash.of(295, t > 0 ? lex.jumanSingle()[t - 1] : BOS, lex.jumanSingle()[t]);
            f[m++] = FeatureHash.of(296, lex.jumanSingle()[t], t + 1 < n ? lex.jumanSingle()[t + 1] : EOS);
            f[m++] = FeatureHash.of(297, t > 0 ? lex.unidicSingle()[t - 1] : BOS, lex.unidicSingle()[t]);
            f[m++] = FeatureHash.of(298, lex.unidicSingle()[t], t + 1 < n ? lex.unidicSingle()[t + 1] : EOS);
            if (inRun[t]) {
                int b = runLast[t];
                f[m++] = FeatureHash.of(299, lex.jumanSingle()[b], lex.unidicSingle()[b], t == b ? 1 : 0);
            }
            if (end > start) {
                // UniDic's own segmentation around the morpheme.
                int us = unidic.pos[start];
                int ue = unidic.pos[end - 1];
                int ps = unidic.place[start];
                int pe = unidic.place[end - 1];
                boolean aligned = (ps == UnidicView.BEGIN || ps == UnidicView.SINGLE)
                        && (pe == UnidicView.END || pe == UnidicView.SINGLE);
                f[m++] = FeatureHash.of(270, us, ps);
                f[m++] = FeatureHash.of(271, ue, pe);
                f[m++] = FeatureHash.of(272, aligned ? 1 : 0, us, ue);
                f[m++] = FeatureHash.of(273, us, p[t]);
                f[m++] = FeatureHash.of(274, start > 0 ? unidic.pos[start - 1] : BOS, us);
                f[m++] = FeatureHash.of(275, ue, end < cp.length ? unidic.pos[end] : EOS);
            }
            if (hints != null) {
                int hStart = start < end ? hints[start] : 0;
                int hEnd = start < end ? hints[end - 1] : 0;
                if (hStart != 0 || hEnd != 0) {
                    f[m++] = FeatureHash.of(260, hStart, hEnd);
                    f[m++] = FeatureHash.of(261, hStart / 8);
                }
            }
            if (first < 0x80 && Character.isLetter(first)) {
                int packed = WordClusters.get().of(tokens.surface()[t]);
                if (packed != 0) {
                    f[m++] = FeatureHash.of(280, WordClusters.first(packed, 2));
                    f[m++] = FeatureHash.of(281, WordClusters.second(packed, 1));
                    f[m++] = FeatureHash.of(282, WordClusters.first(packed, 1));
                }
            }
            features[t] = java.util.Arrays.copyOf(f, m);
        }
        return features;
    }

    /** Morphemes that can be part of a name: nouns, prefixes, unknown words, the name dot. */
    static boolean nominal(String pos, String surface) {
        return pos.startsWith("名詞") || pos.startsWith("接頭詞") || pos.equals("未知語")
                || surface.equals("・") || surface.equals("=") || surface.equals("＝") || pos.startsWith("記号-アルファベット");
    }
}
