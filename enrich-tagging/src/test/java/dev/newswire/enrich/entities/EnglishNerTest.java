package dev.newswire.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnglishNerTest {

    private static EnglishNer english;

    @BeforeAll
    static void load() {
        english = EnglishNer.load(Gazetteer.load());
    }

    @Test
    void aSentenceIsTaggedAloneAsInsideAnArticle() {
        String first = "The ministers met in Kuala Lumpur on Saturday.";
        String second = "Pete Hegseth told reporters that the Pentagon wanted more talks with Beijing.";
        String article = first + " " + second;

        List<Span> alone = new ArrayList<>(english.find(first));
        for (Span s : english.find(second)) {
            alone.add(new Span(s.start() + first.length() + 1, s.end() + first.length() + 1, s.type()));
        }

        assertThat(english.find(article)).isNotEmpty().containsExactlyElementsOf(alone);
    }

    @Test
    void theContextOfAWordStopsAtTheEndOfItsSentence() {
        EnglishNer.Text text = EnglishNer.Text.of("They met in Kuala Lumpur. Hegseth said so.");

        assertThat(text.has(3, 1)).as("Kuala and Lumpur").isTrue();
        assertThat(text.has(5, 1)).as("the full stop and Hegseth").isFalse();
        assertThat(text.runEnd()[3]).isEqualTo(4);
        assertThat(text.runStart()[6]).isEqualTo(6);
        assertThat(text.runEnd()[6]).isEqualTo(6);
    }
}
