package dev.newswire.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerTest {

    @Test
    void aProblemIsDescribedByItsStatusTitleAndDetail() {
        Answer answer = new Answer(413, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,\"detail\":\"body: too long\"}", null);
        assertThat(answer.refused()).isTrue();
        assertThat(answer.describe()).isEqualTo("HTTP 413 Payload Too Large: body: too long");
    }

    @Test
    void anUpstreamFailureNamedInAProblemCountsAsARefusalButA503DoesNot() {
        assertThat(new Answer(502, "application/problem+json", "{\"title\":\"Upstream Fetch Failed\"}", null).upstreamRefused()).isTrue();
        assertThat(new Answer(502, "text/html", "<html>", null).upstreamRefused()).isFalse();
        assertThat(new Answer(503, "application/problem+json", "{\"title\":\"Host Busy\"}", null).upstreamRefused()).isFalse();
    }

    @Test
    void anAcceptedAnswerGivesItsIdsAndSaysWhenItemsWereRejected() {
        Answer answer = new Answer(202, "application/json", "{\"accepted\":1,\"rejected\":1,\"ids\":[\"abc\"],\"items\":"
                + "[{\"index\":0,\"status\":\"accepted\",\"id\":\"abc\"},{\"index\":1,\"status\":\"rejected\","
                + "\"errors\":[{\"field\":\"content\",\"message\":\"is blank\"}]}]}", null);
        assertThat(answer.ids()).containsExactly("abc");
        assertThat(answer.rejected()).isEqualTo(1);
        assertThat(answer.describe()).isEqualTo("HTTP 202 rejected: content is blank");
    }
}
