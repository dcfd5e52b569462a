package dev.newswire.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenseScorerTest {

    private static final String TEXT = "US Defense Secretary Pete Hegseth met Dong Jun in Kuala Lumpur. The talks went well.";

    @Test
    void theTaggersScoresFromProjectionsAreTheScoresOfTheTrainingInputs() {
        DenseScorer scorer = DenseScorer.initial(EnglishNer.DENSE_INPUTS, Bio.LABELS, 7);
        EnglishNer.Text text = EnglishNer.Text.of(TEXT);
        EnglishTokens tokens = text.tokens();
        float[][] inputs = EnglishNer.denseInputs(text);
        float[][] actual = new EnglishNer(null, scorer, null, List.of()).denseScores(text);
        int scored = 0;
        for (int t = 0; t < tokens.size(); t++) {
            if (inputs[t] == null) {
                assertThat(actual[t]).isNull();
                continue;
            }
            double[] expected = new double[Bio.LABELS];
            scorer.addScores(scorer.hidden(inputs[t]), expected);
            for (int l = 0; l < Bio.LABELS; l++) {
                assertThat((double) actual[t][l]).isCloseTo(expected[l], within(1e-4));
            }
            scored++;
        }
        assertThat(scored).isEqualTo(10); // the capitalised tokens, "US" to "The"
    }

    @Test
    void averagedNetworksScoreTheMeanOfTheirMembers() {
        List<DenseScorer> members = List.of(DenseScorer.initial(EnglishNer.DENSE_INPUTS, Bio.LABELS, 7),
                DenseScorer.initial(EnglishNer.DENSE_INPUTS, Bio.LABELS, 8),
                DenseScorer.initial(EnglishNer.DENSE_INPUTS, Bio.LABELS, 9));
        DenseScorer averaged = DenseScorer.averaged(members);
        float[] x = EnglishNer.denseInputs(EnglishNer.Text.of(TEXT))[0];

        double[] expected = new double[Bio.LABELS];
        for (DenseScorer member : members) {
            double[] scores = new double[Bio.LABELS];
            member.addScores(member.hidden(x), scores);
            for (int l = 0; l < Bio.LABELS; l++) {
                expected[l] += scores[l] / members.size();
            }
        }
        double[] actual = new double[Bio.LABELS];
        averaged.addScores(averaged.hidden(x), actual);

        assertThat(averaged.hiddenUnits()).isEqualTo(3 * DenseScorer.HIDDEN);
        for (int l = 0; l < Bio.LABELS; l++) {
            assertThat(actual[l]).isCloseTo(expected[l], within(1e-5));
        }
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
