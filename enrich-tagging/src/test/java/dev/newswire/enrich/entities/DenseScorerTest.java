package dev.newswire.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DenseScorerTest {

    private static final String TEXT = "US Defense Secretary Pete Hegseth met Dong Jun in Kuala Lumpur. The talks went well.";

    @Test
    void theTaggersScoresFromProjectionsAreTheScoresOfTheTrainingInputs() {
        DenseScorer scorer = DenseScorer.initial(EnglishNer.DENSE_INPUTS, Bio.LABELS, 7);
        EnglishNer.Text text = EnglishNer.Text.of(TEXT);
        EnglishTokens tokens = text.tokens();
        float[][] inputs = EnglishNer.denseInputs(text);
        WordClusters vectors = WordClusters.get();
        boolean[] starts = text.sentenceStart();
        int scored = 0;
        for (int t = 0; t < tokens.size(); t++) {
            if (inputs[t] == null) {
                continue;
            }
            double[] expected = new double[Bio.LABELS];
            scorer.addScores(scorer.hidden(inputs[t]), expected);
            int[] rows = text.denseRows(t);
            float[][] projections = new float[rows.length][];
            for (int k = 0; k < rows.length; k++) {
                projections[k] = rows[k] < 0 ? null : scorer.projection(vectors, k, rows[k]);
            }
            float[] actual = scorer.scores(projections, starts[t]);
            for (int l = 0; l < Bio.LABELS; l++) {
                assertThat((double) actual[l]).isCloseTo(expected[l], within(1e-4));
            }
            scored++;
        }
        assertThat(scored).isEqualTo(10); // the capitalised tokens, "US" to "The"
    }

    @Test
    void aWrittenScorerReadsBackTheSame() throws IOException {
        DenseScorer scorer = DenseScorer.initial(EnglishNer.DENSE_INPUTS, Bio.LABELS, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        scorer.write(out);
        DenseScorer read = DenseScorer.read(new ByteArrayInputStream(out.toByteArray()));
        float[] x = EnglishNer.denseInputs(EnglishNer.Text.of(TEXT))[0];

        assertThat(read.hidden(x)).containsExactly(scorer.hidden(x));
    }
}
