package dev.newswire.enrich.entities;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Trains the NER models from the development sets in {@code ../shared/eval} and writes them into
 * enrich-tagging's resources; with {@code --evaluate}, trains on 80 % of the documents and prints the
 * figures on the other 20 % instead. Reproduce the checked-in models with
 * <pre>mvn -B -q -Ptrain -pl ner-training -am process-classes</pre>
 * (options after {@code -Dexec.args=}).
 * English learns from wikigold and, at a lower weight, from {@link SilverCorpus}'s machine-labelled
 * sentences. Options: {@code --lang ja|en} (default both), {@code --evaluate}, {@code --cross-validate} (5 folds by
 * document), {@code --no-silver} (English from wikigold alone), {@code --train-parts N} (with {@code --cross-validate}: learn from N of the other four
 * parts only, for the learning curve), {@code --errors DIR} (every miss and false name of the
 * evaluation), {@code --shared DIR}
 * (default {@code ../shared} of the checkout), {@code --out DIR}.
 */
public final class TrainNer {

    /** The first member's seed; {@code -Dnewswire.ner.seed} for another, to see how much a figure moves with it. */
    static final long SEED = Long.getLong("newswire.ner.seed", 20251126L);

    /**
     * English CRFs (with their networks) trained from seeds {@code SEED}, {@code SEED + 1}, ..., whose
     * scores the shipped model averages. Single models vary by a point of F1 from seed to seed
     * (5-fold F1 of lines 0.700–0.719 over three seeds); three averaged gave 0.718–0.726, five no
     * more than three.
     */
    static final int ENGLISH_MEMBERS = 3;

    /**
     * Japanese CRFs whose weights the shipped model averages, member {@code m} learning from its own
     * draw of {@link MentionReplacement} copies (seed {@code SEED + m}) in its own order: 5-fold F1
     * 0.792 → 0.801, every fold gaining (0.785–0.811 → 0.792–0.813); five gave 0.800. One model, so
     * tagging costs the same.
     */
    static final int JAPANESE_MEMBERS = 3;

    /**
     * Epochs of each English member: its network, reading six words' vectors, learns more slowly than
     * the CRF (5-fold F1 of lines 0.731 after 15 epochs, 0.735 after 20, 0.736 after 25, 0.737 after 30).
     */
    static final int ENGLISH_EPOCHS = 25;

    /**
     * The weight in learning of a sentence of {@link SilverCorpus} against one of wikigold: 5-fold F1
     * of lines 0.736 → 0.746 at 0.5, of documents 0.742 → 0.748 (with the first labels 0.749 at 0.5, 0.746 at
     * 0.3, 0.748 at 0.7, 0.744 at 1).
     */
    static final double SILVER_WEIGHT = Double.parseDouble(System.getProperty("newswire.ner.silver-weight", "0.5"));

    private TrainNer() {
    }

    public static void main(String[] args) throws IOException {
        Path root = projectRoot();
        Path shared = root.resolve("../shared").normalize();
        Path out = root.resolve("enrich-tagging/src/main/resources/dev/newswire/enrich/entities");
        List<String> languages = List.of("ja", "en");
        boolean evaluate = false;
        boolean crossValidate = false;
        int trainParts = 4;
        Path errors = null;
        boolean silver = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lang" -> languages = List.of(args[++i]);
                case "--evaluate" -> evaluate = true;
                case "--cross-validate" -> crossValidate = true;
                case "--train-parts" -> trainParts = Integer.parseInt(args[++i]);
                case "--errors" -> errors = Path.of(args[++i]);
                case "--no-silver" -> silver = false;
                case "--shared" -> shared = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Gazetteer gazetteer = Gazetteer.load();
        for (String language : languages) {
            List<NerCorpus.Sentence> sentences = language.equals("ja")
                    ? NerCorpus.readStockmark(NerCorpus.japanese(shared))
                    : NerCorpus.readConll(NerCorpus.english(shared));
            List<NerCorpus.Sentence> extra = silver && language.equals("en") ? englishSilver(shared) : List.of();
            if (crossValidate) {
                NerScore lines = new NerScore();
                NerScore documents = new NerScore();
                StringBuilder misses = new StringBuilder();
                for (int fold = 0; fold < 5; fold++) {
                    int k = fold;
                    int parts = trainParts;
                    // Parts k + 1, ..., k + parts (mod 5): with fewer than four, a point of the learning curve.
                    List<NerCorpus.Sentence> train = new ArrayList<>(select(sentences,
                            s -> NerCorpus.fold(s.document()) != k && Math.floorMod(NerCorpus.fold(s.document()) - k, 5) <= parts));
                    train.addAll(extra);
                    List<NerCorpus.Sentence> test = select(sentences, s -> NerCorpus.fold(s.document()) == k);
                    NamedEntityRecognizer recognizer = train(language, train, gazetteer);
                    NerScore score = evaluate(recognizer, test, false);
                    lines.add(score);
                    misses.append(errors(recognizer, test));
                    System.out.printf(Locale.ROOT, "%s fold %d: %s%n", language, fold, score);
                    if (language.equals("en")) {
                        NerScore whole = evaluate(recognizer, test, true);
                        documents.add(whole);
                        System.out.printf(Locale.ROOT, "%s fold %d, whole documents: %s%n", language, fold, whole);
                    }
                }
                System.out.printf(Locale.ROOT, "%s 5-fold cross-validation: %s%n", language, lines);
                if (errors != null) {
                    Files.writeString(errors.resolve("errors-" + language + "-cv.txt"), misses);
                }
                if (language.equals("en")) {
                    System.out.printf(Locale.ROOT, "%s 5-fold cross-validation, whole documents: %s%n", language,
                            documents);
                }
            } else if (evaluate) {
                List<NerCorpus.Sentence> train = new ArrayList<>(select(sentences, s -> !NerCorpus.heldOut(s.document())));
                train.addAll(extra);
                List<NerCorpus.Sentence> test = select(sentences, s -> NerCorpus.heldOut(s.document()));
                long started = System.nanoTime();
                NamedEntityRecognizer recognizer = train(language, train, gazetteer);
                System.out.printf(Locale.ROOT, "%s: trained on %d sentences in %.1f s%n", language, train.size(),
                        (System.nanoTime() - started) / 1e9);
                System.out.printf(Locale.ROOT, "%s held-out (%d sentences): %s%n", language, test.size(),
                        evaluate(recognizer, test, false));
                if (language.equals("en")) {
                    System.out.printf(Locale.ROOT, "%s held-out, whole documents: %s%n", language,
                            evaluate(recognizer, test, true));
                }
                if (errors != null) {
                    Files.writeString(errors.resolve("errors-" + language + ".txt"), errors(recognizer, test));
                }
            } else {
                LinearChainModel model;
                Path file;
                if (language.equals("ja")) {
                    model = trainJapanese(sentences, gazetteer);
                    file = out.resolve(JapaneseNer.MODEL_RESOURCE);
                } else {
                    List<NerCorpus.Sentence> all = new ArrayList<>(sentences);
                    all.addAll(extra);
                    EnglishModels english = trainEnglish(all, gazetteer);
                    model = english.crf();
                    file = out.resolve(EnglishNer.MODEL_RESOURCE);
                    try (OutputStream stream = Files.newOutputStream(out.resolve(EnglishNer.DENSE_RESOURCE))) {
                        english.dense().write(stream);
                    }
                }
                try (OutputStream stream = Files.newOutputStream(file)) {
                    model.write(stream);
                }
                System.out.printf(Locale.ROOT, "%s: %d features, wrote %s (%d bytes)%n", language, model.size(), file,
                        Files.size(file));
            }
        }
    }

    /** The sentences of {@link SilverCorpus}, which English learns from beside its training part of wikigold. */
    static List<NerCorpus.Sentence> englishSilver(Path shared) throws IOException {
        return SilverCorpus.read(projectRoot().resolve(SilverCorpus.LABELS), shared);
    }

    static NamedEntityRecognizer train(String language, List<NerCorpus.Sentence> train, Gazetteer gazetteer) {
        return language.equals("ja")
                ? new JapaneseNer(trainJapanese(train, gazetteer), new GazetteerHints(gazetteer))
                : english(train, gazetteer);
    }

    /**
     * Scores the recognizer on the test sentences: each sentence tagged alone, as {@code newswire ner}
     * tags a line, or with {@code documents} each document's sentences tagged together, one per
     * line, as an article is (then its rules for whole texts apply: one type per name, surnames of
     * people named before).
     */
    static NerScore evaluate(NamedEntityRecognizer recognizer, List<NerCorpus.Sentence> test, boolean documents) {
        NerScore score = new NerScore();
        for (NerCorpus.Sentence sentence : documents ? NerCorpus.byDocument(test) : test) {
            score.add(sentence.spans(), recognizer.find(sentence.text()));
        }
        return score;
    }

    /** One line per missed or wrong name, for reading what the model gets wrong. */
    private static String errors(NamedEntityRecognizer recognizer, List<NerCorpus.Sentence> test) {
        StringBuilder out = new StringBuilder();
        for (NerCorpus.Sentence sentence : test) {
            int[] cp = sentence.text().codePoints().toArray();
            java.util.Set<Span> gold = new java.util.HashSet<>(sentence.spans());
            java.util.Set<Span> found = new java.util.HashSet<>(recognizer.find(sentence.text()));
            appendMissing(out, "FN", gold, found, cp, sentence.text());
            appendMissing(out, "FP", found, gold, cp, sentence.text());
        }
        return out.toString();
    }

    /** A line for each span of {@code spans} that {@code others} lacks. */
    private static void appendMissing(StringBuilder out, String kind, java.util.Set<Span> spans,
                                      java.util.Set<Span> others, int[] cp, String sentence) {
        for (Span s : spans) {
            if (!others.contains(s)) {
                out.append(kind).append('\t').append(s.type()).append('\t')
                        .append(new String(cp, s.start(), s.length())).append('\t').append(sentence).append('\n');
            }
        }
    }

    static LinearChainModel trainJapanese(List<NerCorpus.Sentence> sentences, Gazetteer gazetteer) {
        GazetteerHints hints = new GazetteerHints(gazetteer);
        return CrfTrainer.trainAveraged(Bio.LABELS, JAPANESE_MEMBERS, m -> {
            List<CrfTrainer.Example> examples = new ArrayList<>();
            for (NerCorpus.Sentence sentence : MentionReplacement.withCopies(sentences, SEED + m)) {
                int[] cp = sentence.text().codePoints().toArray();
                JapaneseTokens tokens = JapaneseTokens.of(sentence.text());
                examples.add(new CrfTrainer.Example(JapaneseNer.features(sentence.text(), cp, tokens, hints),
                        JapaneseNer.labels(tokens, sentence.tagged())));
            }
            return examples;
        }, SEED, CrfTrainer.EPOCHS, m -> null, List.of());
    }

    private static EnglishNer english(List<NerCorpus.Sentence> train, Gazetteer gazetteer) {
        EnglishModels models = trainEnglish(train, gazetteer);
        return new EnglishNer(models.crf(), models.dense(), gazetteer);
    }

    /** The English tagger's CRF and the network whose scores it adds. */
    record EnglishModels(LinearChainModel crf, DenseScorer dense) {
    }

    /**
     * Trains {@link #ENGLISH_MEMBERS} English CRFs, each with its network, and joins them into one
     * CRF and one network that score as the mean of the members.
     */
    static EnglishModels trainEnglish(List<NerCorpus.Sentence> sentences, Gazetteer gazetteer) {
        List<DenseScorer> members = new ArrayList<>();
        for (int m = 0; m < ENGLISH_MEMBERS; m++) {
            members.add(DenseScorer.initial(EnglishNer.DENSE_INPUTS, Bio.LABELS, SEED + m));
        }
        List<String> lexicon = lowercaseLexicon(sentences);
        EnglishNer features = new EnglishNer(null, null, gazetteer, lexicon);
        List<CrfTrainer.Example> examples = new ArrayList<>();
        for (NerCorpus.Sentence document : NerCorpus.byDocument(sentences)) {
            EnglishNer.Text text = EnglishNer.Text.of(document.text());
            int[][] f = features.features(text);
            int[] labels = EnglishNer.labels(text.tokens(), document.tagged());
            float[][] inputs = EnglishNer.denseInputs(text);
            int from = 0;
            for (int end : lineEnds(text)) {
                examples.add(new CrfTrainer.Example(Arrays.copyOfRange(f, from, end), Arrays.copyOfRange(labels, from, end),
                        Arrays.copyOfRange(inputs, from, end), SilverCorpus.isSilver(document.document()) ? SILVER_WEIGHT : 1));
                from = end;
            }
        }
        LinearChainModel crf = CrfTrainer.trainAveraged(Bio.LABELS, ENGLISH_MEMBERS, m -> examples, SEED, ENGLISH_EPOCHS,
                members::get, lexicon);
        return new EnglishModels(crf, DenseScorer.averaged(members));
    }

    /** Words that occur in lower case in the training text, kept in the model. */
    static List<String> lowercaseLexicon(List<NerCorpus.Sentence> sentences) {
        Map<String, Integer> counts = new HashMap<>();
        for (NerCorpus.Sentence sentence : sentences) {
            for (String token : EnglishTokens.of(sentence.text()).text()) {
                if (!token.isEmpty() && Character.isLowerCase(token.codePointAt(0))) {
                    counts.merge(token, 1, Integer::sum);
                }
            }
        }
        return counts.keySet().stream().sorted().toList();
    }

    /**
     * Where each line of the text ends, as token indices. English is learnt from the sentences (lines)
     * of each document but with the features of the whole document, which is how articles are tagged:
     * the first word of a sentence sees the full stop before it, not a text's start (5-fold F1 0.672
     * learning from isolated sentences, 0.689 so).
     */
    private static List<Integer> lineEnds(EnglishNer.Text text) {
        List<Integer> ends = new ArrayList<>();
        for (int t = 1; t < text.tokens().size(); t++) {
            if (EnglishNer.lineBreakBefore(text.cp(), text.tokens(), t)) {
                ends.add(t);
            }
        }
        ends.add(text.tokens().size());
        return ends;
    }

    private static List<NerCorpus.Sentence> select(List<NerCorpus.Sentence> all, Predicate<NerCorpus.Sentence> keep) {
        return all.stream().filter(keep).toList();
    }

    /** The checkout's root: the working directory or a parent of it that holds enrich-tagging. */
    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("enrich-tagging"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from the Newswire checkout");
        }
        return dir;
    }
}
