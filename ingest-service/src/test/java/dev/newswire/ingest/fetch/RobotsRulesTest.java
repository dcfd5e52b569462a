package dev.newswire.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 9309 matching, with the examples of its section 2.2.2 and 5. */
class RobotsRulesTest {

    @Test
    void theLongestMatchWinsAndAllowWinsATie() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /news/
                Allow: /news/public/
                Allow: /shop
                Disallow: /shop
                """, "NewswireBot");

        assertThat(rules.allows("/news/secret")).isFalse();
        assertThat(rules.allows("/news/public/today")).isTrue();
        assertThat(rules.allows("/shop/item")).isTrue();
        assertThat(rules.allows("/about")).isTrue();
    }

    @Test
    void supportsWildcardsAndTheEndAnchor() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /*.pdf$
                Disallow: /print*/
                """, "NewswireBot");

        assertThat(rules.allows("/report.pdf")).isFalse();
        assertThat(rules.allows("/report.pdf?download=1")).isTrue();
        assertThat(rules.allows("/printable/page")).isFalse();
        assertThat(rules.allows("/article")).isTrue();
    }

    @Test
    void aGroupNamingUsReplacesTheStarGroup() {
        String robots = """
                User-agent: *
                Disallow: /

                User-agent: newswirebot
                User-agent: otherbot
                Disallow: /private
                """;

        assertThat(RobotsRules.parse(robots, "NewswireBot").allows("/news/1")).isTrue();
        assertThat(RobotsRules.parse(robots, "NewswireBot").allows("/private/1")).isFalse();
        assertThat(RobotsRules.parse(robots, "SomeoneElse").allows("/news/1")).isFalse();
    }

    @Test
    void anEmptyDisallowAllowsEverythingAndCommentsAreIgnored() {
        RobotsRules rules = RobotsRules.parse("User-agent: * # everyone\nDisallow:\n", "NewswireBot");

        assertThat(rules.allows("/anything")).isTrue();
    }

    @Test
    void robotsTxtItselfIsAlwaysAllowed() {
        assertThat(RobotsRules.DISALLOW_ALL.allows("/robots.txt")).isTrue();
        assertThat(RobotsRules.DISALLOW_ALL.allows("/")).isFalse();
    }
}
