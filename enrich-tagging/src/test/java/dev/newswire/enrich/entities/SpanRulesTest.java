package dev.newswire.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The English corrections of the spans a tagger gave, whatever a model tags. */
class SpanRulesTest {

    @Test
    void aNameTakesTheTypeMostOfItsMentionsHaveWithinAText() {
        String text = "Citrone scored. Later Citrone left, and Citrone retired in Luton.";
        List<Span> spans = List.of(span(text, "Citrone", 0, EntityType.PERSON), span(text, "Citrone", 1, EntityType.PLACE),
                span(text, "Citrone", 2, EntityType.PERSON), span(text, "Luton", 0, EntityType.PLACE));

        assertThat(SpanRules.english(text.codePoints().toArray(), spans, null)).containsExactly(
                span(text, "Citrone", 0, EntityType.PERSON), span(text, "Citrone", 1, EntityType.PERSON),
                span(text, "Citrone", 2, EntityType.PERSON), span(text, "Luton", 0, EntityType.PLACE));
    }

    @Test
    void onATieTheFirstMentionsTypeWins() {
        String text = "Tulsa beat Texas. Tulsa is in Oklahoma.";
        List<Span> spans = List.of(span(text, "Tulsa", 0, EntityType.ORGANIZATION),
                span(text, "Texas", 0, EntityType.ORGANIZATION), span(text, "Tulsa", 1, EntityType.PLACE),
                span(text, "Oklahoma", 0, EntityType.PLACE));

        assertThat(SpanRules.english(text.codePoints().toArray(), spans, null)).extracting(Span::type).containsExactly(
                EntityType.ORGANIZATION, EntityType.ORGANIZATION, EntityType.ORGANIZATION, EntityType.PLACE);
    }

    @Test
    void aNameRunTogetherWithACoachsOrAMayorsTitleIsThePersonAfterIt() {
        String text = "Texas Coach Darrell Royal met New York Mayor Eric Adams.";
        List<Span> spans = List.of(span(text, "Texas Coach Darrell Royal", 0, EntityType.ORGANIZATION),
                span(text, "New York Mayor Eric Adams", 0, EntityType.ORGANIZATION));

        assertThat(SpanRules.english(text.codePoints().toArray(), spans, null)).containsExactly(
                span(text, "Darrell Royal", 0, EntityType.PERSON), span(text, "Eric Adams", 0, EntityType.PERSON));
    }

    @Test
    void aDepartmentBeforeATitleIsPartOfTheOfficeAndOnlyAKnownCountryBeforeItStays() {
        String text = "US Defense Secretary Pete Hegseth met Chinese Defence Minister Dong Jun.";
        List<Span> spans = List.of(span(text, "US Defense", 0, EntityType.ORGANIZATION),
                span(text, "Pete Hegseth", 0, EntityType.PERSON), span(text, "Chinese Defence", 0, EntityType.ORGANIZATION),
                span(text, "Dong Jun", 0, EntityType.PERSON));

        assertThat(SpanRules.english(text.codePoints().toArray(), spans, Gazetteer.load())).containsExactly(
                span(text, "US", 0, EntityType.PLACE), span(text, "Pete Hegseth", 0, EntityType.PERSON),
                span(text, "Dong Jun", 0, EntityType.PERSON));
    }

    @Test
    void aParkOrAStreetNamedAfterSomeoneIsAPlace() {
        String text = "Fans met at Cal Anderson Park and walked down Martin Luther King Jr. Way to Bobby Morris Playfield.";
        List<Span> spans = List.of(span(text, "Cal Anderson Park", 0, EntityType.PERSON),
                span(text, "Bobby Morris Playfield", 0, EntityType.ORGANIZATION));

        assertThat(SpanRules.english(text.codePoints().toArray(), spans, null)).containsExactly(
                span(text, "Cal Anderson Park", 0, EntityType.PLACE), span(text, "Bobby Morris Playfield", 0, EntityType.PLACE));
    }

    @Test
    void aSheriffOrAPriestsTitleIsNoPartOfTheirName() {
        String text = "Sheriff Don Eslinger thanked Fr. Francisco Sousa.";
        List<Span> spans = List.of(span(text, "Sheriff Don Eslinger", 0, EntityType.PERSON),
                span(text, "Fr. Francisco Sousa", 0, EntityType.PERSON));

        assertThat(SpanRules.english(text.codePoints().toArray(), spans, null)).containsExactly(
                span(text, "Don Eslinger", 0, EntityType.PERSON), span(text, "Francisco Sousa", 0, EntityType.PERSON));
    }

    /** The {@code occurrence}-th (from 0) mention of an ASCII {@code surface} in {@code text}. */
    private static Span span(String text, String surface, int occurrence, EntityType type) {
        int start = text.indexOf(surface);
        for (int k = 0; k < occurrence; k++) {
            start = text.indexOf(surface, start + 1);
        }
        return new Span(start, start + surface.length(), type);
    }
}
