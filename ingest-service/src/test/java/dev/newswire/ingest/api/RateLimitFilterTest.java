package dev.newswire.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RateLimitFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RateLimitFilter filter = new RateLimitFilter(2, 3, JSON);

    @Test
    void aClientOverItsBurstGets429WithRetryAfterAndAProblem() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send("10.0.0.1").getStatus()).isEqualTo(200);
        }

        MockHttpServletResponse refused = send("10.0.0.1");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(refused.getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo("https://newswire.dev/problems/rate-limited");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
    }

    @Test
    void anotherClientIsNotHeldUpByTheFirst() throws Exception {
        for (int i = 0; i < 4; i++) {
            send("10.0.0.1");
        }

        assertThat(send("10.0.0.2").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse send(String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/articles");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
