package dev.newswire.ingest.api;

import static dev.newswire.ingest.support.RawHttp.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.ingest.support.RawHttp;
import dev.newswire.ingest.support.RawHttp.Answer;
import dev.newswire.stack.TestInfrastructure;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Authentication through the real Tomcat, with request targets sent byte for byte: every spelling of an
 * API path (percent-encoded, {@code ;} parameters, {@code //}, dot segments, other case) either needs the
 * key or is refused, and the answers are RFC 9457 problems.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiSecurityIT {

    private static final String KEY = "it-key-" + UUID.randomUUID();
    private static final String ARTICLE = "{\"content\": \"security probe " + UUID.randomUUID() + "\"}";
    private static final Map<String, String> JSON_BODY = Map.of("Content-Type", "application/json");

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("newswire.api.key", () -> KEY);
        registry.add("newswire.sources.topic", () -> "security-it.sources");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/articles", "/%61pi/v1/articles", "/%61%70%69/v1/articles", "/api/v1/%61rticles",
            "/api/v1/articles/", "/API/v1/articles", "/Api/V1/Articles"})
    void anySpellingOfThePushPathWithoutTheKeyIsAnswered401(String target) throws Exception {
        Answer answer = RawHttp.send(port, "POST", target, JSON_BODY, utf8(ARTICLE));

        assertThat(answer.status()).as(target).isEqualTo(401);
        assertProblem(answer, "unauthorized");
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("ApiKey header=\"X-API-Key\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api;x/v1/articles", "/api/v1;x/articles", "/api/v1/articles;jsessionid=1", "//api/v1/articles",
            "/api/v1/../v1/articles", "/x/../api/v1/articles", "/api/v1/%2e%2e/v1/articles", "/api%2Fv1/articles",
            "/api%2fv1%2farticles", "/api/v1/articles%00", "/api/v1/./articles", "/api\\v1/articles", "/api/v1//articles/.."})
    void pathsThatAreNotNormalisedAreRefusedBeforeAnyController(String target) throws Exception {
        Answer answer = RawHttp.send(port, "POST", target, JSON_BODY, utf8(ARTICLE));

        assertThat(answer.status()).as(target).isEqualTo(400);
        assertThat(answer.header("Content-Type")).as(target).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/sources", "/%61pi/v1/sources", "/api/v1/sources/", "/api/v1/sources/x"})
    void readingSourcesNeedsTheKeyToo(String target) throws Exception {
        Answer answer = RawHttp.send(port, "GET", target, Map.of(), null);

        assertThat(answer.status()).as(target).isEqualTo(401);
        assertProblem(answer, "unauthorized");
    }

    @ParameterizedTest
    @CsvSource({"POST,/api/v1/articles", "POST,/api/v1/pages", "POST,/api/v1/feeds",
            "POST,/api/v1/sources", "PUT,/api/v1/sources/x", "DELETE,/api/v1/sources/x", "PATCH,/api/v1/sources/x"})
    void everyWriteEndpointNeedsTheKey(String method, String path) throws Exception {
        Answer answer = RawHttp.send(port, method, path, JSON_BODY, utf8("{\"url\": \"https://news.example/\"}"));

        assertThat(answer.status()).as(method + " " + path).isEqualTo(401);
        assertProblem(answer, "unauthorized");
    }

    @Test
    void theKeyOpensTheDecodedSpellingOfAnApiPath() throws Exception {
        Answer answer = RawHttp.send(port, "GET", "/%61pi/v1/sources", Map.of("X-API-Key", KEY), null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().isArray()).isTrue();
    }

    @Test
    void aWrongKeyIsNamedAsSuch() throws Exception {
        Answer answer = RawHttp.send(port, "POST", "/api/v1/articles",
                Map.of("Content-Type", "application/json", "X-API-Key", KEY + "x"), utf8(ARTICLE));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("detail").asString()).isEqualTo("X-API-Key: does not hold a valid key");
    }

    @Test
    void healthIsOpenButShowsItsComponentsOnlyWithTheKey() throws Exception {
        Answer open = RawHttp.send(port, "GET", "/actuator/health", Map.of(), null);
        Answer keyed = RawHttp.send(port, "GET", "/actuator/health", Map.of("X-API-Key", KEY), null);

        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().get("status").asString()).isEqualTo("UP");
        assertThat(open.json().has("components")).isFalse();
        assertThat(keyed.status()).isEqualTo(200);
        assertThat(keyed.json().has("components")).isTrue();
    }

    @Test
    void prometheusCanScrapeWithoutTheKey() throws Exception {
        Answer answer = RawHttp.send(port, "GET", "/actuator/prometheus", Map.of(), null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("jvm_memory_used_bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/env", "/actuator/heapdump", "/actuator/beans", "/actuator/info", "/actuator",
            "/", "/error", "/actuator/%65nv", "/nothing/here"})
    void everyOtherPathIsDeniedByDefault(String target) throws Exception {
        Answer anonymous = RawHttp.send(port, "GET", target, Map.of(), null);
        Answer keyed = RawHttp.send(port, "GET", target, Map.of("X-API-Key", KEY), null);

        assertThat(anonymous.status()).as(target).isEqualTo(401);
        assertProblem(anonymous, "unauthorized");
        assertThat(keyed.status()).as(target).isEqualTo(403);
        assertProblem(keyed, "forbidden");
    }

    @Test
    void aDotSegmentCannotWalkFromAnOpenPathToAClosedOne() throws Exception {
        Answer answer = RawHttp.send(port, "GET", "/actuator/health/../env", Map.of(), null);

        assertThat(answer.status()).isEqualTo(400);
        assertProblem(answer, "rejected-request");
    }

    @Test
    void writingToTheHealthEndpointIsDenied() throws Exception {
        Answer answer = RawHttp.send(port, "POST", "/actuator/health", JSON_BODY, utf8("{}"));

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void aCompressedRequestBodyIsRefused() throws Exception {
        Answer answer = RawHttp.send(port, "POST", "/api/v1/articles",
                Map.of("Content-Type", "application/json", "Content-Encoding", "gzip", "X-API-Key", KEY),
                new byte[] {0x1f, (byte) 0x8b, 8, 0});

        assertThat(answer.status()).isEqualTo(415);
        assertProblem(answer, "unsupported-content-encoding");
    }

    private static void assertProblem(Answer answer, String type) {
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("https://newswire.dev/problems/" + type);
        assertThat(answer.json().get("status").asInt()).isEqualTo(answer.status());
    }
}
