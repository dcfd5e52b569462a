package dev.newswire.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Trains on 80 % of the documents of each development set and scores the other 20 % (micro F1,
 * exact span and type over person, organisation, place), as {@code TrainNer --evaluate} does. The
 * bars asserted are the figures reached, a little below, so a regression fails.
 */
class NerQualityTest {

    @Test
    void japaneseHeldOutF1() throws Exception {
        HeldOut japanese = heldOut("ja", NerCorpus.readStockmark(NerCorpus.japanese(sharedDir())), List.of());
        assertThat(japanese.score(false).f1()).isGreaterThanOrEqualTo(JAPANESE_BAR);
    }

    @Test
    void englishHeldOutF1() throws Exception {
        HeldOut english = heldOut("en", NerCorpus.readConll(NerCorpus.english(sharedDir())),
                TrainNer.englishSilver(sharedDir()));
        assertThat(english.score(false).f1()).isGreaterThanOrEqualTo(ENGLISH_LINES_BAR);
        assertThat(english.score(true).f1()).isGreaterThanOrEqualTo(ENGLISH_DOCUMENTS_BAR);
    }

    static final double JAPANESE_BAR = 0.80;
    /** Each sentence tagged alone, as {@code newswire ner} tags a line. */
    static final double ENGLISH_LINES_BAR = 0.75;
    /** Each document tagged whole, as an article is. */
    static final double ENGLISH_DOCUMENTS_BAR = 0.76;

    private record HeldOut(String language, NamedEntityRecognizer recognizer, List<NerCorpus.Sentence> test) {

        NerScore score(boolean documents) {
            NerScore score = TrainNer.evaluate(recognizer, test, documents);
            System.out.printf(Locale.ROOT, "NER %s held-out 20%% of documents (%d sentences, tagged %s): %s%n",
                    language, test.size(), documents ? "a document at a time" : "a sentence at a time", score);
            return score;
        }
    }

    /** Learns from the training part and {@code extra} (the silver sentences, for English). */
    private static HeldOut heldOut(String language, List<NerCorpus.Sentence> sentences, List<NerCorpus.Sentence> extra) {
        List<NerCorpus.Sentence> train = new ArrayList<>(sentences.stream().filter(s -> !NerCorpus.heldOut(s.document())).toList());
        train.addAll(extra);
        List<NerCorpus.Sentence> test = sentences.stream().filter(s -> NerCorpus.heldOut(s.document())).toList();
        return new HeldOut(language, TrainNer.train(language, train, Gazetteer.load()), test);
    }

    /** {@code ../shared} beside the checkout; skips the test where it is absent (a user's clone). */
    static Path sharedDir() {
        Path path = Path.of(System.getProperty("newswire.shared.dir", "../../shared"));
        Assumptions.assumeTrue(Files.isDirectory(path.resolve("eval")),
                "../shared (evaluation data) is absent: " + path.toAbsolutePath());
        return path;
    }
}
