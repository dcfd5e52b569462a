package dev.newswire.runtime.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void theMembersComeInTheRfcOrderThenTheExtensionsInTheirOwnOrder() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("parameter", "size");
        extensions.put("errors", List.of("a"));

        Problem problem = new Problem("urn:newswire:problem:invalid-parameter", "Invalid parameter", 400,
                "size is not a whole number", "/api/v1/search", extensions);

        assertThat(problem.members()).containsExactly(
                Map.entry("type", "urn:newswire:problem:invalid-parameter"),
                Map.entry("title", "Invalid parameter"),
                Map.entry("status", 400),
                Map.entry("detail", "size is not a whole number"),
                Map.entry("instance", "/api/v1/search"),
                Map.entry("parameter", "size"),
                Map.entry("errors", List.of("a")));
    }

    @Test
    void anAbsentMemberIsLeftOutButTheStatusIsAlwaysThere() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("parameter", null);

        assertThat(new Problem("about:blank", "Not Found", 404, null, null, extensions).members())
                .containsExactly(Map.entry("type", "about:blank"), Map.entry("title", "Not Found"),
                        Map.entry("status", 404));
    }

    @Test
    void aPathThatIsNoUriReferenceIsNotEchoedAsTheInstance() {
        assertThat(Problem.instanceOf("/api/v1/articles")).isEqualTo("/api/v1/articles");
        assertThat(Problem.instanceOf("/api/v1/<script>")).isNull();
        assertThat(Problem.instanceOf(null)).isNull();
    }
}
