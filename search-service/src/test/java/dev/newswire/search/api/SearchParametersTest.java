package dev.newswire.search.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.search.query.SearchCriteria;
import dev.newswire.search.query.SearchCursor;
import dev.newswire.search.query.Sort;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SearchParametersTest {

    private final SearchParameters parameters = new SearchParameters(new SearchApiSettings());

    private SearchCriteria parse(Map<String, List<String>> raw) {
        return parameters.parse(name -> raw.containsKey(name) ? raw.get(name).get(0) : null,
                name -> raw.getOrDefault(name, List.of()));
    }

    private static void assertInvalid(ThrowingCallable call, String parameter) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status().getCode()).isEqualTo(400);
            assertThat(e.parameter()).isEqualTo(parameter);
            assertThat(e.getMessage()).isNotBlank();
        });
    }

    @Test
    void defaultsToRelevanceAndTenHits() {
        SearchCriteria criteria = parse(Map.of());

        assertThat(criteria.sort()).isEqualTo(Sort.RELEVANCE);
        assertThat(criteria.size()).isEqualTo(10);
        assertThat(criteria.query()).isNull();
        assertThat(criteria.topics()).isEmpty();
    }

    @Test
    void queryIsNfkcNormalisedAndFiltersRepeat() {
        SearchCriteria criteria = parse(Map.of("q", List.of(" ＨＥＧＳＥＴＨ "), "topic", List.of("a", "b")));

        assertThat(criteria.query()).isEqualTo("HEGSETH");
        assertThat(criteria.topics()).containsExactly("a", "b");
    }

    @Test
    void aDateAsToIncludesTheWholeDay() {
        SearchCriteria criteria = parse(Map.of("from", List.of("2025-11-01"), "to", List.of("2025-11-17")));

        assertThat(criteria.from()).isEqualTo(Instant.parse("2025-11-01T00:00:00Z"));
        assertThat(criteria.to()).isEqualTo(Instant.parse("2025-11-17T23:59:59.999Z"));
    }

    @Test
    void dateTimesWithOffsetsAreAccepted() {
        assertThat(parse(Map.of("from", List.of("2025-11-17T09:00:00+09:00"))).from())
                .isEqualTo(Instant.parse("2025-11-17T00:00:00Z"));
    }

    @Test
    void badParametersAreNamed() {
        assertInvalid(() -> parse(Map.of("sort", List.of("oldest"))), "sort");
        assertInvalid(() -> parse(Map.of("size", List.of("101"))), "size");
        assertInvalid(() -> parse(Map.of("size", List.of("0"))), "size");
        assertInvalid(() -> parse(Map.of("size", List.of("ten"))), "size");
        assertInvalid(() -> parse(Map.of("from", List.of("17/11/2025"))), "from");
        assertInvalid(() -> parse(Map.of("to", List.of("2025-13-01"))), "to");
        assertInvalid(() -> parse(Map.of("from", List.of("2025-11-18"), "to", List.of("2025-11-17"))), "from");
        assertInvalid(() -> parse(Map.of("q", List.of("x".repeat(501)))), "q");
        assertInvalid(() -> parse(Map.of("cursor", List.of("garbage"))), "cursor");
        assertInvalid(() -> parse(Map.of("person", List.of("p".repeat(201)))), "person");
        assertInvalid(() -> parse(Map.of("topic", java.util.Collections.nCopies(21, "t"))), "topic");
    }

    @Test
    void aCursorOfAnotherSearchIsRefused() {
        SearchCriteria first = parse(Map.of("q", List.of("hegseth")));
        String token = new SearchCursor(Sort.RELEVANCE, first.fingerprint(), 1.0, 0L, "id").encode();

        assertThat(parse(Map.of("q", List.of("hegseth"), "cursor", List.of(token))).after()).isNotNull();
        assertInvalid(() -> parse(Map.of("q", List.of("trump"), "cursor", List.of(token))), "cursor");
        Map<String, List<String>> newest = new HashMap<>(Map.of("q", List.of("hegseth"), "cursor", List.of(token)));
        newest.put("sort", List.of("newest"));
        assertInvalid(() -> parse(newest), "cursor");
    }
}
