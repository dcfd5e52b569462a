package dev.newswire.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** robots.txt pattern matching: the same answers as a regular expression, in linear time. */
class RobotsMatchingPropertyTest {

    @Property(tries = 2000)
    void matchesExactlyWhenTheEquivalentRegexMatchesAPrefix(@ForAll("patterns") String pattern,
                                                           @ForAll("paths") String path) {
        assertThat(RobotsRules.matches(pattern, path)).as("%s against %s", pattern, path)
                .isEqualTo(reference(pattern).matcher(path).lookingAt());
    }

    @Test
    void thirtyWildcardsAgainstALongPathThatDoesNotMatchTakeMilliseconds() {
        String pattern = "/" + "a*".repeat(30) + "b";
        String path = "/" + "a".repeat(10_000);

        boolean matched = assertTimeoutPreemptively(Duration.ofMillis(500), () -> RobotsRules.matches(pattern, path));

        assertThat(matched).isFalse();
        assertThat(RobotsRules.matches(pattern, path + "b")).isTrue();
        assertThat(RobotsRules.matches(pattern + "$", path + "bc")).isFalse();
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars("/ab*").ofMaxLength(12).map(s -> "/" + s)
                .flatMap(p -> Arbitraries.of(p, p + "$"));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.strings().withChars("/ab").ofMaxLength(16).map(s -> "/" + s);
    }

    /** {@code *} as {@code .*}, a final {@code $} as the end; robots patterns match a prefix of the path. */
    private static Pattern reference(String pattern) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        StringBuilder regex = new StringBuilder();
        for (String piece : p.split("\\*", -1)) {
            if (!regex.isEmpty() || p.startsWith("*")) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(piece));
        }
        if (anchored) {
            regex.append('$');
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
