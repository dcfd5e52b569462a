package dev.newswire.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnrichmentLimitsTest {

    @Test
    void aTextWithinTheLimitIsKeptAsItIs() {
        assertThat(EnrichmentLimits.cut("One.\n\nTwo.", 10)).isEqualTo("One.\n\nTwo.");
        assertThat(EnrichmentLimits.cut(null, 10)).isNull();
    }

    @Test
    void aLongerTextIsCutAtItsLastParagraphBreakInTheFinalQuarter() {
        String text = "a".repeat(80) + "\n\n" + "b".repeat(50);

        assertThat(EnrichmentLimits.cut(text, 100)).isEqualTo("a".repeat(80));
    }

    @Test
    void withoutAParagraphBreakNearTheLimitItIsCutAtTheLastSpaceElseAtTheLimitButNeverInASurrogatePair() {
        assertThat(EnrichmentLimits.cut("x".repeat(90) + " yyyyyyyyyyyyyyyyyyyy", 100)).isEqualTo("x".repeat(90));
        assertThat(EnrichmentLimits.cut("a\n\n" + "x".repeat(200), 100)).isEqualTo("a\n\n" + "x".repeat(97));
        assertThat(EnrichmentLimits.cut("x".repeat(99) + "😀😀", 100)).isEqualTo("x".repeat(99));
    }
}
