package dev.newswire.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.tagging.Articles;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Trains on 80 % of the documents of each development set and scores the other 20 % (micro F1,
 * exact span and type over person, organisation, place), as {@code TrainNer --evaluate} does. The
 * bars asserted are the figures reached, a little below, so a regression fails.
 */
class NerQualityTest {

    @Test
    void japaneseHeldOutF1() throws Exception {
        NerScore score = heldOut("ja", NerCorpus.readStockmark(NerCorpus.japanese(Articles.sharedDir())));
        assertThat(score.f1()).isGreaterThanOrEqualTo(JAPANESE_BAR);
    }

    @Test
    void englishHeldOutF1() throws Exception {
        NerScore score = heldOut("en", NerCorpus.readConll(NerCorpus.english(Articles.sharedDir())));
        assertThat(score.f1()).isGreaterThanOrEqualTo(ENGLISH_BAR);
    }

    static final double JAPANESE_BAR = 0.80;
    static final double ENGLISH_BAR = 0.73;

    private static NerScore heldOut(String language, List<NerCorpus.Sentence> sentences) {
        List<NerCorpus.Sentence> train = sentences.stream().filter(s -> !NerCorpus.heldOut(s.document())).toList();
        List<NerCorpus.Sentence> test = sentences.stream().filter(s -> NerCorpus.heldOut(s.document())).toList();
        NamedEntityRecognizer recognizer = TrainNer.train(language, train, Gazetteer.load());
        NerScore score = TrainNer.evaluate(recognizer, test);
        System.out.printf(Locale.ROOT, "NER %s held-out 20%% of documents (%d sentences): %s%n", language, test.size(),
                score);
        return score;
    }
}
