package dev.newswire.enrich.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * English named entities: a linear-chain CRF over tokens, with word, shape, affix and context features
 * (the context bounded by the sentence), a lexicon of words seen in lower case (a capitalised "After"
 * at the start of a sentence is not a name), gazetteer hints, WordNet's categories of the words and of
 * the longest WordNet phrase around them ({@link WordNetNames}) and the words' GloVe clusters
 * ({@link WordClusters}); for capitalised words, a small network over their, their neighbours' and
 * their sentence's GloVe vectors adds label scores ({@link DenseScorer}). The precision rules for
 * ({@link SpanRules}) run after it, inside {@link #find}. Why it is built so, and its figures:
 * {@code docs/decisions/0002-ner-model-training.md} and the module's README.
 */
public final class EnglishNer implements NamedEntityRecognizer {

    static final String MODEL_RESOURCE = "ner-en.model";

    private static final int BOS = -1;
    private static final int EOS = -2;

    private static final Map<String, Integer> CUES = cues();

    static final String DENSE_RESOURCE = "ner-en-dense.bin";
    /** Words whose vectors the {@link DenseScorer} reads per token: {@link Text#denseRows}. */
    static final int WORD_SLOTS = 5;
    /** Those words and the sentence's context ({@link Text#context}). */
    static final int DENSE_SLOTS = WORD_SLOTS + 1;
    /**
     * The sentence's context leaves out the 1,000 commonest words (the, said, first), which tell
     * little about it: GloVe's rows are in order of frequency (5-fold F1 of lines 0.714 with only the
     * first 100 left out, 0.719 so, 0.715 leaving out 3,000).
     */
    static final int CONTEXT_FROM = 1000;
    /**
     * Words whose projections the tagger works out at load: the commonest, which are most of the
     * words next to names (about 2 MB with three members).
     */
    static final int COMMON_WORDS = 1000;
    /** Inputs of the {@link DenseScorer}: the vectors of those words, whether the token starts a sentence, 1. */
    static final int DENSE_INPUTS = DENSE_SLOTS * WordClusters.DIMENSIONS + 2;

    private final LinearChainModel model;
    private final DenseScorer dense;
    /** {@link #projection}s of the {@link #COMMON_WORDS} commonest words, by word place. */
    private final float[][] common;
    private final Gazetteer gazetteer;
    private final Set<String> lowercase;

    EnglishNer(LinearChainModel model, DenseScorer dense, Gazetteer gazetteer) {
        this(model, dense, gazetteer, model.lexicon());
    }

    /** A tagger ({@code model} and {@code dense} may be null while training) with the words seen in lower case. */
    EnglishNer(LinearChainModel model, DenseScorer dense, Gazetteer gazetteer, List<String> lexicon) {
        this.model = model;
        this.dense = dense;
        this.common = commonProjections(dense);
        this.gazetteer = gazetteer;
        this.lowercase = new HashSet<>(lexicon);
    }

    public static EnglishNer load(Gazetteer gazetteer) {
        try (InputStream in = resource(MODEL_RESOURCE); InputStream denseIn = resource(DENSE_RESOURCE)) {
            return new EnglishNer(LinearChainModel.read(in), DenseScorer.read(denseIn), gazetteer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = EnglishNer.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }

    /**
     * What the tagger reads of a text, worked out once for the features, the dense scorer and the
     * rules. Context stops at sentence ends, so a sentence is read the same alone (a line given to
     * {@code newswire ner}) as inside an article.
     *
     * @param cp            the text's code points
     * @param sentenceStart per token, whether it begins a sentence ({@link #sentenceStarts})
     * @param rows          per token, its row in {@link WordClusters}, -1 for none
     * @param sentence      per token, the number of its sentence
     * @param runStart      per token in a run of capitalised words (with "of", "the", "and" between
     *                      them: the usual shape of a name), the run's first token; -1 for the others
     * @param runEnd        per token in such a run, the run's last token; -1 for the others
     * @param context       per sentence, the rows of its words but the commonest ({@link #CONTEXT_FROM}),
     *                      whose mean vector tells the {@link DenseScorer} what the sentence is about
     *                      (5-fold F1 of lines, mean of three seeds, 0.702 → 0.712)
     */
    record Text(int[] cp, EnglishTokens tokens, boolean[] sentenceStart, int[] rows, int[] sentence, int[] runStart,
                int[] runEnd, int[][] context) {

        static Text of(String text) {
            int[] cp = text.codePoints().toArray();
            EnglishTokens tokens = EnglishTokens.of(text);
            int n = tokens.size();
            WordClusters clusters = WordClusters.get();
            int[] rows = new int[n];
            for (int t = 0; t < n; t++) {
                rows[t] = clusters.row(tokens.text()[t]);
            }
            boolean[] starts = sentenceStarts(cp, tokens);
            int[] sentence = new int[n];
            for (int t = 1; t < n; t++) {
                sentence[t] = sentence[t - 1] + (starts[t] ? 1 : 0);
            }
            int[] runStart = new int[n];
            int[] runEnd = new int[n];
            Arrays.fill(runStart, -1);
            Arrays.fill(runEnd, -1);
            for (int t = 0; t < n; ) {
                if (!capitalised(tokens, t)) {
                    t++;
                    continue;
                }
                int u = t + 1;
                while (u < n && sentence[u] == sentence[t] && (capitalised(tokens, u)
                        || (u + 1 < n && sentence[u + 1] == sentence[t] && capitalised(tokens, u + 1)
                        && isJoiner(tokens.text()[u])))) {
                    u++;
                }
                for (int x = t; x < u; x++) {
                    runStart[x] = t;
                    runEnd[x] = u - 1;
                }
                t = u;
            }
            int sentences = n == 0 ? 0 : sentence[n - 1] + 1;
            int[][] context = new int[sentences][];
            for (int from = 0, to; from < n; from = to) {
                to = from + 1;
                while (to < n && sentence[to] == sentence[from]) {
                    to++;
                }
                context[sentence[from]] = Arrays.stream(rows, from, to).filter(row -> row >= CONTEXT_FROM).toArray();
            }
            return new Text(cp, tokens, starts, rows, sentence, runStart, runEnd, context);
        }

        private static boolean capitalised(EnglishTokens tokens, int t) {
            return Character.isUpperCase(tokens.text()[t].codePointAt(0));
        }

        /** Whether token {@code t + k} exists and is in the sentence of token {@code t}. */
        boolean has(int t, int k) {
            int u = t + k;
            return u >= 0 && u < sentence.length && sentence[u] == sentence[t];
        }

        /** The tokens the dense scorer scores: the capitalised ones, where names start. */
        boolean scored(int t) {
            return capitalised(tokens, t);
        }

        /**
         * The rows of the words whose vectors the {@link DenseScorer} reads for a scored token
         * {@code t} (-1 for none): the word before, the word, the word after, the last word of its
         * run and the word before its run (5-fold F1 of lines 0.702 → 0.707 with the last two).
         */
        int[] denseRows(int t) {
            return new int[] {has(t, -1) ? rows[t - 1] : -1, rows[t], has(t, 1) ? rows[t + 1] : -1,
                    rows[runEnd[t]], has(runStart[t], -1) ? rows[runStart[t] - 1] : -1};
        }
    }

    @Override
    public List<Span> find(String text) {
        Text x = Text.of(text);
        EnglishTokens tokens = x.tokens();
        List<Span> tokenSpans = Bio.decode(model.decode(features(x), denseScores(x)));
        List<Span> spans = new ArrayList<>(tokenSpans.size());
        for (Span s : tokenSpans) {
            spans.add(new Span(tokens.start()[s.start()], tokens.end()[s.end() - 1], s.type()));
        }
        return SpanRules.english(x.cp(), spans, gazetteer);
    }

    /** Word → bit set of the groups of {@code english-cues.txt} it is in. */
    private static Map<String, Integer> cues() {
        Map<String, Integer> cues = new HashMap<>();
        try (InputStream in = EnglishNer.class.getResourceAsStream("english-cues.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource english-cues.txt");
            }
            int group = 0;
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int bit = 1 << group++;
                for (String word : line.substring(line.indexOf('\t') + 1).trim().split(" +")) {
                    cues.merge(word, bit, (a, b) -> a | b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(cues);
    }

    /** The {@link DenseScorer}'s label scores for each capitalised token, null for the others. */
    float[][] denseScores(Text x) {
        WordClusters vectors = WordClusters.get();
        int n = x.tokens().size();
        int[] rows = x.rows();
        float[][] scores = new float[n][];
        Map<Integer, float[]> projections = new HashMap<>();
        float[][] contexts = new float[x.context().length][];
        for (int t = 0; t < n; t++) {
            if (x.scored(t)) {
                int[] slots = x.denseRows(t);
                float[][] p = new float[DENSE_SLOTS][];
                for (int k = 0; k < slots.length; k++) {
                    p[k] = projection(vectors, projections, k, slots[k]);
                }
                int sentence = x.sentence()[t];
                if (contexts[sentence] == null) {
                    contexts[sentence] = contextProjection(vectors, x.context()[sentence]);
                }
                p[WORD_SLOTS] = contexts[sentence].length == 0 ? null : contexts[sentence];
                scores[t] = dense.scores(p, x.sentenceStart()[t]);
            }
        }
        return scores;
    }

    /**
     * The dense scorer's projection of a sentence's context: the projection of its words' mean
     * vector (one projection a sentence, not one a word); empty for no words.
     */
    private float[] contextProjection(WordClusters vectors, int[] context) {
        if (context.length == 0) {
            return new float[0];
        }
        return dense.projection(meanVector(vectors, context), WORD_SLOTS);
    }

    /** The mean of the vectors of {@code rows} (not empty). */
    private static float[] meanVector(WordClusters vectors, int[] rows) {
        float[] mean = new float[WordClusters.DIMENSIONS];
        float[] vector = new float[WordClusters.DIMENSIONS];
        for (int row : rows) {
            vectors.vector(row, vector, 0);
            for (int d = 0; d < vector.length; d++) {
                mean[d] += vector[d];
            }
        }
        for (int d = 0; d < mean.length; d++) {
            mean[d] /= rows.length;
        }
        return mean;
    }

    /**
     * The dense scorer's projection of word {@code row} in input place {@code k}: from the table for
     * the commonest words, else worked out once per text.
     */
    private float[] projection(WordClusters vectors, Map<Integer, float[]> projections, int k, int row) {
        if (row < 0) {
            return null;
        }
        if (row < COMMON_WORDS) {
            return common[k * COMMON_WORDS + row];
        }
        return projections.computeIfAbsent(k << 20 | row, key -> dense.projection(vectors, k, row));
    }

    /** The projections of the commonest words (the, of, said, The) in each word place, worked out at load. */
    private static float[][] commonProjections(DenseScorer dense) {
        if (dense == null) {
            return null;
        }
        WordClusters vectors = WordClusters.get();
        float[][] common = new float[WORD_SLOTS * COMMON_WORDS][];
        for (int k = 0; k < WORD_SLOTS; k++) {
            for (int row = 0; row < COMMON_WORDS; row++) {
                common[k * COMMON_WORDS + row] = dense.projection(vectors, k, row);
            }
        }
        return common;
    }

    /**
     * The {@link DenseScorer}'s inputs for each capitalised token, for training (null for the others,
     * where names hardly start and the network would only cost time): the GloVe vectors of the words
     * of {@link Text#denseRows} (zeros where a word has none), whether it starts a sentence, and a
     * constant. The tagger computes the same scores from {@link DenseScorer#projection}s.
     */
    static float[][] denseInputs(Text x) {
        WordClusters vectors = WordClusters.get();
        int n = x.tokens().size();
        float[][] inputs = new float[n][];
        for (int t = 0; t < n; t++) {
            if (!x.scored(t)) {
                continue;
            }
            float[] in = new float[DENSE_INPUTS];
            int[] slots = x.denseRows(t);
            for (int k = 0; k < slots.length; k++) {
                if (slots[k] >= 0) {
                    vectors.vector(slots[k], in, k * WordClusters.DIMENSIONS);
                }
            }
            int[] context = x.context()[x.sentence()[t]];
            if (context.length > 0) {
                System.arraycopy(meanVector(vectors, context), 0, in, WORD_SLOTS * WordClusters.DIMENSIONS,
                        WordClusters.DIMENSIONS);
            }
            in[DENSE_SLOTS * WordClusters.DIMENSIONS] = x.sentenceStart()[t] ? 1 : 0;
            in[DENSE_SLOTS * WordClusters.DIMENSIONS + 1] = 1;
            inputs[t] = in;
        }
        return inputs;
    }

    /** Gold labels per token: a token belongs to the name whose span holds it. */
    static int[] labels(EnglishTokens tokens, List<Bio.Tagged> spans) {
        int[] labels = new int[tokens.size()];
        for (Bio.Tagged span : spans) {
            boolean first = true;
            for (int t = 0; t < tokens.size(); t++) {
                if (tokens.start()[t] >= span.start() && tokens.end()[t] <= span.end()) {
                    labels[t] = first ? Bio.begin(span.type()) : Bio.inside(span.type());
                    first = false;
                }
            }
        }
        return labels;
    }

    int[][] features(Text text) {
        EnglishTokens tokens = text.tokens();
        int n = tokens.size();
        int[] lower = new int[n];
        int[] word = new int[n];
        int[] shape = new int[n];
        int[] shortShape = new int[n];
        boolean[] capital = new boolean[n];
        for (int t = 0; t < n; t++) {
            String w = tokens.text()[t];
            String lw = w.toLowerCase(Locale.ROOT);
            lower[t] = FeatureHash.string(lw);
            word[t] = FeatureHash.string(w);
            shape[t] = FeatureHash.string(shape(w, false));
            shortShape[t] = FeatureHash.string(shape(w, true));
            capital[t] = Character.isUpperCase(w.codePointAt(0));
        }
        boolean[] sentenceStart = text.sentenceStart();
        int[] hint = hints(text.cp(), tokens);
        int[] cue = new int[n];
        for (int t = 0; t < n; t++) {
            cue[t] = CUES.getOrDefault(tokens.text()[t].toLowerCase(Locale.ROOT), 0);
        }
        // The run of capitalised words a token is in: its last word (Park, Chronicle, Longhorns) and
        // the words around it tell the type, so every token of the run sees them.
        int[] runPlace = new int[n];
        int[] runHead = new int[n];
        int[] runFirst = new int[n];
        int[] runBefore = new int[n];
        int[] runAfter = new int[n];
        int[] runStart = text.runStart();
        int[] runEnd = text.runEnd();
        String[] runHeadWord = new String[n];
        for (int x = 0; x < n; x++) {
            int t = runStart[x];
            if (t < 0) {
                continue;
            }
            int last = runEnd[x];
            runPlace[x] = last == t ? 4 : x == t ? 1 : x == last ? 3 : 2;
            runHead[x] = lower[last];
            runFirst[x] = lower[t];
            runBefore[x] = text.has(t, -1) ? lower[t - 1] : BOS;
            runAfter[x] = text.has(last, 1) ? lower[last + 1] : EOS;
            runHeadWord[x] = tokens.text()[last].toLowerCase(Locale.ROOT);
        }

        // WordNet: each token's own entry, and the longest entry of up to five tokens that covers it.
        WordNetNames wordNet = WordNetNames.get();
        int[] wnSingle = new int[n];
        LongestCover wnCover = new LongestCover(n);
        for (int s = 0; s < n; s++) {
            wnSingle[s] = wordNet.of(tokens.text()[s]);
            if (!capital[s]) {
                continue;
            }
            StringBuilder phrase = new StringBuilder(tokens.text()[s]);
            for (int e = s + 1; text.has(s, e - s) && e < s + WordNetNames.MAX_WORDS; e++) {
                phrase.append(' ').append(tokens.text()[e]);
                wnCover.offer(s, e, wordNet.of(phrase.toString()));
            }
        }

        // GloVe clusters of each word: the finest of the first clustering and the middle one.
        WordClusters clusters = WordClusters.get();
        int[] packed = new int[n];
        int[] cluster = new int[n];
        int[] cluster256 = new int[n];
        for (int t = 0; t < n; t++) {
            packed[t] = clusters.packed(text.rows()[t]);
            cluster[t] = WordClusters.first(packed[t], 2);
            cluster256[t] = WordClusters.first(packed[t], 1);
        }

        int[][] features = new int[n][];
        int[] f = new int[96];
        for (int t = 0; t < n; t++) {
            int m = 0;
            String w = tokens.text()[t];
            String lw = w.toLowerCase(Locale.ROOT);
            boolean known = lowercase.contains(lw);
            int flags = (capital[t] ? 1 : 0) | (w.equals(w.toUpperCase(Locale.ROOT)) ? 2 : 0) | (sentenceStart[t] ? 4 : 0)
                    | (known ? 8 : 0) | (w.chars().anyMatch(Character::isDigit) ? 16 : 0);
            boolean hasBefore = text.has(t, -1);
            boolean hasAfter = text.has(t, 1);
            int lm1 = hasBefore ? lower[t - 1] : BOS;
            int lm2 = text.has(t, -2) ? lower[t - 2] : BOS;
            int lp1 = hasAfter ? lower[t + 1] : EOS;
            int lp2 = text.has(t, 2) ? lower[t + 2] : EOS;
            int sm1 = hasBefore ? shortShape[t - 1] : BOS;
            int sp1 = hasAfter ? shortShape[t + 1] : EOS;
            f[m++] = FeatureHash.of(100, 0);
            f[m++] = FeatureHash.of(101, lower[t]);
            f[m++] = FeatureHash.of(102, word[t]);
            f[m++] = FeatureHash.of(103, shape[t]);
            f[m++] = FeatureHash.of(104, shortShape[t], flags);
            f[m++] = FeatureHash.of(105, flags);
            for (int k = 1; k <= 4; k++) {
                if (lw.length() > k) {
                    f[m++] = FeatureHash.of(110 + k, FeatureHash.string(lw.substring(lw.length() - k)));
                    if (k <= 3) {
                        f[m++] = FeatureHash.of(120 + k, FeatureHash.string(lw.substring(0, k)));
                    }
                }
            }
            f[m++] = FeatureHash.of(130, lm1);
            f[m++] = FeatureHash.of(131, lp1);
            f[m++] = FeatureHash.of(132, lm2);
            f[m++] = FeatureHash.of(133, lp2);
            f[m++] = FeatureHash.of(134, lm1, lower[t]);
            f[m++] = FeatureHash.of(135, lower[t], lp1);
            f[m++] = FeatureHash.of(136, sm1, shortShape[t], sp1);
            f[m++] = FeatureHash.of(137, sm1, flags);
            f[m++] = FeatureHash.of(138, sp1, flags);
            f[m++] = FeatureHash.of(139, lm1, flags);
            f[m++] = FeatureHash.of(140, lp1, flags);
            f[m++] = FeatureHash.of(141, runPlace[t], flags);
            if (cue[t] != 0) {
                f[m++] = FeatureHash.of(160, cue[t], capital[t] ? 1 : 0);
            }
            if (hasBefore && cue[t - 1] != 0) {
                f[m++] = FeatureHash.of(161, cue[t - 1], capital[t] ? 1 : 0);
            }
            if (hasAfter && cue[t + 1] != 0) {
                f[m++] = FeatureHash.of(162, cue[t + 1], capital[t] ? 1 : 0);
            }
            if (runPlace[t] != 0) {
                int headCue = CUES.getOrDefault(runHeadWord[t], 0);
                f[m++] = FeatureHash.of(163, headCue, runPlace[t]);
                int beforeCue = text.has(runStart[t], -1) ? cue[runStart[t] - 1] : 0;
                f[m++] = FeatureHash.of(164, beforeCue, runPlace[t]);
                f[m++] = FeatureHash.of(144, runHead[t], runPlace[t]);
                f[m++] = FeatureHash.of(145, runFirst[t], runPlace[t]);
                f[m++] = FeatureHash.of(146, runBefore[t], runPlace[t]);
                f[m++] = FeatureHash.of(147, runAfter[t], runPlace[t]);
                f[m++] = FeatureHash.of(148, runHead[t]);
                f[m++] = FeatureHash.of(149, runBefore[t], runHead[t]);
            }
            f[m++] = FeatureHash.of(142, lm2, lm1, flags);
            f[m++] = FeatureHash.of(143, lp1, lp2, flags);
            f[m++] = FeatureHash.of(170, wnSingle[t], capital[t] ? 1 : 0);
            f[m++] = FeatureHash.of(171, wnSingle[t], runPlace[t]);
            if (wnCover.value[t] != 0) {
                f[m++] = FeatureHash.of(172, wnCover.value[t], wnCover.place[t]);
            }
            f[m++] = FeatureHash.of(173, hasBefore ? wnSingle[t - 1] : BOS, wnSingle[t]);
            f[m++] = FeatureHash.of(174, wnSingle[t], hasAfter ? wnSingle[t + 1] : EOS);
            if (runPlace[t] != 0) {
                f[m++] = FeatureHash.of(175, wnSingle[runEnd[t]], runPlace[t]);
            }
            int cap = capital[t] ? 1 : 0;
            f[m++] = FeatureHash.of(180, cluster[t], cap);
            f[m++] = FeatureHash.of(190, WordClusters.second(packed[t], 1), cap);
            f[m++] = FeatureHash.of(191, WordClusters.second(packed[t], 0), cap);
            f[m++] = FeatureHash.of(181, cluster256[t], cap);
            f[m++] = FeatureHash.of(182, WordClusters.first(packed[t], 0), cap);
            f[m++] = FeatureHash.of(183, hasBefore ? cluster256[t - 1] : BOS, cap);
            f[m++] = FeatureHash.of(184, hasAfter ? cluster256[t + 1] : EOS, cap);
            if (runPlace[t] != 0) {
                f[m++] = FeatureHash.of(185, cluster[runEnd[t]], runPlace[t]);
                f[m++] = FeatureHash.of(186, cluster[runStart[t]], runPlace[t]);
            }
            if (hint[t] != 0) {
                f[m++] = FeatureHash.of(150, hint[t]);
                f[m++] = FeatureHash.of(151, hint[t], flags);
            }
            if (hasBefore && hint[t - 1] != 0) {
                f[m++] = FeatureHash.of(152, hint[t - 1]);
            }
            if (hasAfter && hint[t + 1] != 0) {
                f[m++] = FeatureHash.of(153, hint[t + 1]);
            }
            features[t] = Arrays.copyOf(f, m);
        }
        return features;
    }

    private int[] hints(int[] cp, EnglishTokens tokens) {
        int[] hint = new int[tokens.size()];
        if (gazetteer == null) {
            return hint;
        }
        int t = 0;
        for (Gazetteer.Match match : gazetteer.find(cp)) {
            while (t < tokens.size() && tokens.end()[t] <= match.start()) {
                t++;
            }
            int first = t;
            int last = t;
            while (last < tokens.size() && tokens.end()[last] <= match.end()) {
                last++;
            }
            int type = match.entry().type().ordinal() + 1;
            for (int x = first; x < last; x++) {
                int place = last - first == 1 ? 4 : x == first ? 1 : x == last - 1 ? 3 : 2;
                hint[x] = type * 8 + place;
            }
        }
        return hint;
    }

    /**
     * The tokens that begin a sentence, where a capital says little: the first, those after a full
     * stop, a question or exclamation mark, and the first of each line.
     */
    private static boolean[] sentenceStarts(int[] cp, EnglishTokens tokens) {
        boolean[] starts = new boolean[tokens.size()];
        for (int t = 0; t < starts.length; t++) {
            if (t == 0) {
                starts[t] = true;
                continue;
            }
            String before = tokens.text()[t - 1];
            starts[t] = before.equals(".") || before.equals("?") || before.equals("!") || lineBreakBefore(cp, tokens, t);
        }
        return starts;
    }

    /** Whether a line break separates token {@code t} (> 0) from the one before it. */
    static boolean lineBreakBefore(int[] cp, EnglishTokens tokens, int t) {
        for (int k = tokens.end()[t - 1]; k < tokens.start()[t]; k++) {
            if (cp[k] == '\n') {
                return true;
            }
        }
        return false;
    }

    private static boolean isJoiner(String token) {
        return token.equals("of") || token.equals("the") || token.equals("and") || token.equals("for")
                || token.equals("de") || token.equals("&");
    }

    /** "Hegseth" → Xxxxxxx (or Xx when short), "U.S." → X.X., "1862" → dddd (dd). */
    static String shape(String w, boolean collapse) {
        StringBuilder b = new StringBuilder(w.length());
        char last = 0;
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            char s = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd'
                    : Character.isLetter(c) ? 'o' : c;
            if (!collapse || s != last) {
                b.append(s);
            }
            last = s;
        }
        return b.toString();
    }
}
