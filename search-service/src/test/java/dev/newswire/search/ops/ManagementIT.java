package dev.newswire.search.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.search.StackSupport;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Management endpoints: status and metrics for everyone, details and the rest for the operator only. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR = "operator";
    private static final String PASSWORD = "correct horse battery staple";

    private final StackSupport stack = new StackSupport("management");
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put("indexer.enabled", "false");
        properties.put("management.username", OPERATOR);
        properties.put("management.password", PASSWORD);
        return properties;
    }

    @AfterAll
    void closeStack() {
        stack.close();
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthShowsItsStatusToEveryoneAndItsDetailsOnlyToTheOperator() throws Exception {
        HttpResponse<String> anonymous = get("/health", null, null);
        HttpResponse<String> wrongPassword = get("/health", OPERATOR, "guess");
        HttpResponse<String> operator = get("/health", OPERATOR, PASSWORD);

        assertThat(anonymous.statusCode()).isEqualTo(200);
        JsonNode status = JSON.readTree(anonymous.body());
        assertThat(status.get("status").asText()).isEqualTo("UP");
        assertThat(status.has("details")).as(anonymous.body()).isFalse();
        assertThat(anonymous.body()).doesNotContain("elasticsearch");
        assertThat(wrongPassword.body()).doesNotContain("elasticsearch");
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(operator.body()).get("details").get("elasticsearch").get("status").asText())
                .isEqualTo("UP");
    }

    @Test
    void prometheusIsOpenForScrapers() throws Exception {
        HttpResponse<String> metrics = get("/prometheus", null, null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void loggersNeedTheOperatorAndTheOtherManagementEndpointsAreOff() throws Exception {
        assertThat(get("/loggers", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/loggers", OPERATOR, "guess").statusCode()).isEqualTo(401);
        assertThat(get("/loggers", OPERATOR, PASSWORD).statusCode()).isEqualTo(200);
        for (String endpoint : List.of("/beans", "/env", "/routes", "/threaddump", "/info", "/refresh", "/caches")) {
            assertThat(get(endpoint, OPERATOR, PASSWORD).statusCode()).as(endpoint).isEqualTo(404);
        }
    }

    @Test
    void theApiStaysOpenAndUnknownRoutesAre404() throws Exception {
        assertThat(get("/api/v1/search?q=x", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/topics", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/openapi/newswire-search-v1.yml", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/no/such/route", null, null).statusCode()).isEqualTo(404);
    }
}
