package dev.newswire.ingest.source;

import static dev.newswire.ingest.support.LocalHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.ingest.IngestApplication;
import dev.newswire.ingest.support.ApiClient;
import dev.newswire.ingest.support.LocalHttpServer;
import dev.newswire.ingest.support.RawTopicReader;
import dev.newswire.model.ArticleIds;
import dev.newswire.stack.TestInfrastructure;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service stopped and started again against the same real Kafka broker: a source added through
 * the API is still there, and its feed is asked with the validators of before and not published again.
 */
class SourceRestartIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String KEY = "it-key-" + UUID.randomUUID();
    /** A sources topic of its own, so that no other test's service polls the sources left here. */
    private static final String TOPIC = "news.sources.it-" + UUID.randomUUID();

    @Test
    void aRestartKeepsTheSourcesOfTheApiAndWhatTheirPollerKnew() throws Exception {
        String path = "/restart-" + UUID.randomUUID() + ".xml";
        String link = "https://news.example/" + UUID.randomUUID();
        String id = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        try (LocalHttpServer site = new LocalHttpServer();
             RawTopicReader topic = new RawTopicReader(TestInfrastructure.kafkaBootstrapServers())) {
            // The feed ignores the validators, so only the seen entries keep its item from going out again.
            site.on(path, exchange -> {
                exchange.getResponseHeaders().set("ETag", "\"e1\"");
                respond(exchange, 200, "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                        + "<title>T</title><link>https://news.example/</link><item><title>Restart item</title><link>"
                        + link + "</link><description>Body</description></item></channel></rss>");
            });

            try (ConfigurableApplicationContext first = start()) {
                ApiClient api = new ApiClient(port(first), KEY);
                assertThat(api.post("/api/v1/sources", "application/json", """
                        {"id": "%s", "name": "Restart feed", "url": "%s", "interval": "200ms", "fetchPages": false}
                        """.formatted(id, site.uri(path))).status()).isEqualTo(201);
                await().atMost(TIMEOUT).until(() -> topic.withKey(ArticleIds.forUrl(link)).size() == 1);
                // A poll after the one that published: its state (seen entry, ETag) is on the sources topic.
                await().atMost(TIMEOUT).until(() -> site.requests(path).size() >= 3);
            }
            int before = site.requests(path).size();

            try (ConfigurableApplicationContext second = start()) {
                ApiClient api = new ApiClient(port(second), KEY);
                ApiClient.Answer source = api.get("/api/v1/sources/" + id);
                assertThat(source.status()).isEqualTo(200);
                assertThat(source.json().get("name").asString()).isEqualTo("Restart feed");
                await().atMost(TIMEOUT).until(() -> site.requests(path).size() >= before + 3);
                assertThat(site.requests(path).get(before).header("If-None-Match")).isEqualTo("\"e1\"");
                Map<Integer, Long> ends = topic.endOffsets();
                await().atMost(TIMEOUT).until(() -> topic.hasReadUpTo(ends));
                assertThat(topic.withKey(ArticleIds.forUrl(link))).hasSize(1);

                assertThat(api.delete("/api/v1/sources/" + id).status()).isEqualTo(204);
            }

            try (SourceStore store = new SourceStore(TestInfrastructure.kafkaBootstrapServers(), TOPIC, JsonMapper.builder().build(),
                    Duration.ofSeconds(30), 10)) {
                assertThat(store.readAll()).doesNotContainKey(id);
            }
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IngestApplication.class).run(
                "--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--newswire.api.key=" + KEY,
                // The test site runs on the loopback, which the SSRF rules refuse unless allowed.
                "--newswire.fetch.allowed-addresses=127.0.0.1/32",
                "--newswire.fetch.min-host-interval=0s",
                "--newswire.sources.min-interval=100ms",
                "--newswire.sources.topic=" + TOPIC);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
