package dev.newswire.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.ingest.IngestApplication;
import dev.newswire.ingest.support.ApiClient;
import dev.newswire.stack.TestInfrastructure;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The push API under random input, through the real server and broker: arbitrary bytes, broken and
 * well-formed JSON of article shape with fields of every type, batches, odd media types and parameters.
 * Every answer comes within the client's timeout and is 2xx or a 4xx problem, never a 5xx.
 */
class PushApiFuzzIT {

    private static final String KEY = "fuzz-key-" + UUID.randomUUID();
    private static ConfigurableApplicationContext app;
    private static ApiClient api;

    @BeforeContainer
    static void start() {
        app = new SpringApplicationBuilder(IngestApplication.class).run(
                "--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--newswire.api.key=" + KEY,
                "--newswire.api.max-body-size=256KB",
                "--newswire.api.max-batch-size=5",
                "--newswire.api.rate-limit=1000000",
                "--newswire.sources.polling-enabled=false",
                "--newswire.sources.topic=push-fuzz-it.sources",
                "--newswire.fetch.max-host-wait=1s");
        api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")), KEY);
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Property(tries = 150)
    void arbitraryBytesNeverMakeA5xx(@ForAll byte[] body, @ForAll("mediaTypes") String mediaType) throws Exception {
        assertNo5xx(send("/api/v1/articles", mediaType, body));
    }

    @Property(tries = 250)
    void articleShapedJsonNeverMakesA5xx(@ForAll("bodies") String body, @ForAll("methods") String query)
            throws Exception {
        assertNo5xx(send("/api/v1/articles" + query, "application/json", body.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 100)
    void pagesAndFeedsUnderRandomBodiesNeverMakeA5xx(@ForAll("bodies") String body,
                                                     @ForAll("pagePaths") String path,
                                                     @ForAll("mediaTypes") String mediaType) throws Exception {
        assertNo5xx(send(path, mediaType, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static ApiClient.Answer send(String path, String mediaType, byte[] body) throws Exception {
        HttpRequest.Builder request = api.request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (mediaType != null) {
            request.header("Content-Type", mediaType);
        }
        return api.send(request);
    }

    private static void assertNo5xx(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isBetween(200, 499);
        if (answer.status() >= 400) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("status").asInt()).isEqualTo(answer.status());
        }
    }

    @Provide
    Arbitrary<String> mediaTypes() {
        return Arbitraries.of(null, "application/json", "application/json; charset=UTF-16", "text/plain",
                "text/html; charset=bogus", "application/rss+xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/*+json", "*/*", "application/json;;;");
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("", "?method=file", "?method=push", "?method=bogus", "?method=", "?method=%00");
    }

    @Provide
    Arbitrary<String> pagePaths() {
        return Arbitraries.of("/api/v1/pages", "/api/v1/pages?url=https://news.example/a&language=xx-yy",
                "/api/v1/pages?publishedAt=yesterday", "/api/v1/feeds", "/api/v1/feeds?fetchPages=maybe",
                "/api/v1/sources");
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> article = field().list().ofMaxSize(8).map(f -> "{" + String.join(", ", f) + "}");
        Arbitrary<String> batch = Arbitraries.oneOf(article, value(1)).list().ofMaxSize(7)
                .map(items -> "[" + String.join(", ", items) + "]");
        Arbitrary<String> whole = Arbitraries.oneOf(article, batch, value(2));
        // Sometimes cut off anywhere: malformed JSON of every kind.
        return Combinators.combine(whole, Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 999))
                .as((body, cut, at) -> cut == 0 && !body.isEmpty() ? body.substring(0, at % body.length()) : body);
    }

    private Arbitrary<String> field() {
        return Combinators.combine(Arbitraries.of("url", "title", "content", "html", "publishedAt", "summary",
                "source", "sourceName", "language", "extra", ""), value(2)).as((k, v) -> "\"" + k + "\": " + v);
    }

    private Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(PushApiFuzzIT::quote),
                Arbitraries.of("null", "true", "0", "-1e999", "1e-999", "123456789012345678901234567890",
                        "\"https://news.example/" + UUID.randomUUID() + "\"", "\"http://127.0.0.1:9/x\"",
                        "\"http://169.254.169.254/latest\"", "\"http://[::1]/\"", "\"ftp://x/\"", "\"\"", "\"  \"",
                        "\"2025-11-20T10:00:00Z\"", "\"2025-13-45\"", "\"ja\"", "\"pt-BR\"", "\"\\ud800\"",
                        "\"\\u0000\"", "\"<html><p>x</p></html>\"", "\"軍事対話\""));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> array = value(depth - 1).list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> object = Combinators.combine(Arbitraries.strings().ofMaxLength(8).map(PushApiFuzzIT::quote),
                value(depth - 1)).as((k, v) -> k + ": " + v).list().ofMaxSize(3)
                .map(l -> "{" + String.join(",", l) + "}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalar), net.jqwik.api.Tuple.of(1, array), net.jqwik.api.Tuple.of(1, object));
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
