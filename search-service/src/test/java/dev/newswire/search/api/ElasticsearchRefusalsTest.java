package dev.newswire.search.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How Elasticsearch's refusals become problems, for the causes a test cluster cannot be made to produce. */
class ElasticsearchRefusalsTest {

    private static ElasticsearchException refusal(int status, String type, String reason) {
        return new ElasticsearchException("search", ErrorResponse.of(e -> e.status(status).error(c -> c
                .type("search_phase_execution_exception").reason("all shards failed on [it-news-v1-secret]")
                .rootCause(r -> r.type(type).reason(reason)))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "too_many_nested_clauses | Query contains too many nested clauses; maxClauseCount is set to 4096 | q",
        "too_many_clauses | too many clauses | q",
        "illegal_argument_exception | search_after has 2 value(s) but sort has 3. | cursor",
        "illegal_argument_exception | Result window is too large, from + size must be less than or equal to: [10000] | size",
        "parse_exception | failed to parse date field [99999-01-01] with format [strict_date_optional_time] | from",
    })
    void refusalWithAKnownCauseIsA400NamingTheParameterAndNoInternals(String type, String reason, String parameter) {
        ProblemException problem = SearchService.translate(refusal(400, type, reason));

        assertThat(problem.status().getCode()).isEqualTo(400);
        assertThat(problem.parameter()).isEqualTo(parameter);
        assertThat(problem.getMessage()).doesNotContain("it-news").doesNotContain("exception")
                .doesNotContain(reason);
    }

    @Test
    void refusalWithAnotherCauseIsAnInvalidSearch() {
        ProblemException problem = SearchService.translate(refusal(400, "query_shard_exception", "failed to create query: [search.topicIds]"));

        assertThat(problem.status().getCode()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(ProblemTypes.INVALID_SEARCH);
        assertThat(problem.parameter()).isNull();
        assertThat(problem.getMessage()).doesNotContain("search.topicIds");
    }

    @ParameterizedTest
    @CsvSource({"429", "500", "503", "401", "403"})
    void overloadServerErrorsAndRefusedCredentialsAreUnavailable(int status) {
        ProblemException problem = SearchService.translate(refusal(status, "some_exception", "node [es-1] at 10.0.0.5"));

        assertThat(problem.status().getCode()).isEqualTo(503);
        assertThat(problem.getMessage()).doesNotContain("10.0.0.5").doesNotContain("es-1");
    }

    @Test
    void missingIndexIsUnavailable() {
        ProblemException problem = SearchService.translate(refusal(404, "index_not_found_exception", "no such index [news]"));

        assertThat(problem.status().getCode()).isEqualTo(503);
    }
}
