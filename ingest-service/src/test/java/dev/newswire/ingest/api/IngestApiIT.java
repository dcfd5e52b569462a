package dev.newswire.ingest.api;

import static dev.newswire.ingest.support.LocalHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.ingest.support.ApiClient;
import dev.newswire.ingest.support.ApiClient.Answer;
import dev.newswire.ingest.support.LocalHttpServer;
import dev.newswire.ingest.support.RawTopicReader;
import dev.newswire.ingest.support.SharedData;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.EventHeaders;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import dev.newswire.stack.TestInfrastructure;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP API against the real Kafka broker: what is accepted arrives on news.raw.v1, what is not is named. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestApiIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String KEY = "it-key-" + UUID.randomUUID();
    private static final JsonMapper JSON = ApiClient.json();

    private static RawTopicReader topic;
    private static LocalHttpServer site;

    @Value("${local.server.port}")
    int port;

    private ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("newswire.api.key", () -> KEY);
        registry.add("newswire.api.max-body-size", () -> "1MB");
        registry.add("newswire.api.max-batch-size", () -> "5");
        // The test site runs on the loopback, which the SSRF rules refuse unless allowed.
        registry.add("newswire.fetch.allowed-addresses", () -> "127.0.0.1/32");
        registry.add("newswire.fetch.min-host-interval", () -> "0s");
        registry.add("newswire.sources.min-interval", () -> "100ms");
    }

    @BeforeAll
    static void start() throws Exception {
        topic = new RawTopicReader(TestInfrastructure.kafkaBootstrapServers());
        site = new LocalHttpServer();
    }

    @AfterAll
    static void stop() throws Exception {
        topic.close();
        site.close();
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port, KEY);
    }

    @Test
    void seedPagePushedAsPlainTextArrivesOnTheTopicByteForByte() throws Exception {
        Path seed = SharedData.require("fixtures/seed/kangnamtimes-us-china-dpct.txt");
        byte[] bytes = Files.readAllBytes(seed);

        Answer answer = api.post("/api/v1/pages?method=file&source=kangnamtimes", "text/plain; charset=UTF-8", bytes);

        assertThat(answer.status()).isEqualTo(202);
        String id = ArticleIds.forContent(new String(bytes, StandardCharsets.UTF_8));
        assertThat(answer.json().get("ids").get(0).asString()).isEqualTo(id);
        ConsumerRecord<byte[], byte[]> record = awaitRecord(id);
        RawArticle article = JSON.readValue(record.value(), RawArticle.class);
        assertThat(article.content().getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
        assertThat(article.id()).isEqualTo(id);
        assertThat(article.contentType()).isEqualTo("text/plain");
        assertThat(article.ingestMethod()).isEqualTo(IngestMethod.FILE);
        assertThat(article.sourceId()).isEqualTo("kangnamtimes");
        assertThat(article.url()).isNull();
        assertThat(RawTopicReader.header(record, EventHeaders.SCHEMA)).isEqualTo(RawArticle.SCHEMA);
        assertThat(record.headers().toArray()).hasSize(1);
    }

    @Test
    void anHtmlFileWithoutUrlGetsTheIdOfTheUrlItDeclares() throws Exception {
        String canonical = "https://news.example/declared/" + UUID.randomUUID();
        String page = "<html><head><link rel=\"canonical\" href=\"" + canonical + "\"></head><body><p>x</p></body></html>";

        Answer answer = api.post("/api/v1/pages?method=file", "text/html", page);

        assertThat(answer.status()).isEqualTo(202);
        RawArticle article = JSON.readValue(awaitRecord(ArticleIds.forUrl(canonical)).value(), RawArticle.class);
        assertThat(article.url()).isEqualTo(canonical);
        assertThat(article.content()).isEqualTo(page);
    }

    @Test
    void pushedArticleArrivesKeyedByTheIdOfItsCanonicalUrl() throws Exception {
        String url = "https://News.Example/world/" + UUID.randomUUID() + "?utm_source=x";
        Answer answer = api.post("/api/v1/articles", "application/json", """
                {"url": "%s", "title": "Ferry returns", "html": "<p>The ferry is back.</p>",
                 "publishedAt": "2025-11-20T10:00:00+09:00", "source": "Example News", "language": "en-GB"}
                """.formatted(url));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
        String id = ArticleIds.forUrl(url);
        assertThat(answer.json().get("ids").get(0).asString()).isEqualTo(id);
        RawArticle article = JSON.readValue(awaitRecord(id).value(), RawArticle.class);
        assertThat(article.canonicalUrl()).isEqualTo(ArticleIds.canonicalize(url));
        assertThat(article.contentType()).isEqualTo("text/html");
        assertThat(article.content()).isEqualTo("<p>The ferry is back.</p>");
        assertThat(article.feedTitle()).isEqualTo("Ferry returns");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-11-20T01:00:00Z"));
        assertThat(article.sourceId()).isEqualTo("example-news");
        assertThat(article.sourceName()).isEqualTo("Example News");
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.ingestMethod()).isEqualTo(IngestMethod.PUSH);
    }

    @Test
    void batchIsAnsweredPerItemAndOnlyTheAcceptedItemsArePublished() throws Exception {
        String good1 = "https://news.example/a/" + UUID.randomUUID();
        String good2 = "https://news.example/b/" + UUID.randomUUID();
        String noContent = "ftp://news.example/c/" + UUID.randomUUID();
        String badDate = "https://news.example/d/" + UUID.randomUUID();
        Answer answer = api.post("/api/v1/articles", "application/json", """
                [{"url": "%s", "content": "First."},
                 {"title": "nothing else"},
                 {"url": "%s", "content": "Second."},
                 {"url": "%s", "content": "Third."},
                 {"url": "%s", "content": "Fourth.", "publishedAt": "yesterday"}]
                """.formatted(good1, good2, noContent, badDate));

        assertThat(answer.status()).isEqualTo(202);
        JsonNode items = answer.json().get("items");
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.json().get("rejected").asInt()).isEqualTo(3);
        assertThat(items.get(0).get("status").asString()).isEqualTo("accepted");
        assertThat(items.get(1).get("errors").get(0).get("field").asString()).isEqualTo("content");
        assertThat(items.get(2).get("id").asString()).isEqualTo(ArticleIds.forUrl(good2));
        assertThat(items.get(3).get("errors").get(0).get("field").asString()).isEqualTo("url");
        assertThat(items.get(4).get("errors").get(0).get("field").asString()).isEqualTo("publishedAt");

        awaitRecord(ArticleIds.forUrl(good1));
        awaitRecord(ArticleIds.forUrl(good2));
        Map<Integer, Long> ends = topic.endOffsets();
        await().atMost(TIMEOUT).until(() -> topic.hasReadUpTo(ends));
        assertThat(topic.withKey(ArticleIds.forUrl(badDate))).isEmpty();
    }

    @Test
    void refusesARequestWithoutTheApiKey() throws Exception {
        Answer answer = new ApiClient(port, null).post("/api/v1/articles", "application/json",
                "{\"content\": \"x\"}");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(field(answer)).isEqualTo("X-API-Key");
        assertThat(answer.json().get("detail").asString()).isEqualTo("X-API-Key: is missing");
    }

    @Test
    void refusesAWrongApiKey() throws Exception {
        Answer answer = new ApiClient(port, "wrong").post("/api/v1/articles", "application/json",
                "{\"content\": \"x\"}");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(field(answer)).isEqualTo("X-API-Key");
    }

    @Test
    void namesTheLocationOfMalformedJson() throws Exception {
        Answer answer = api.post("/api/v1/articles", "application/json", "{\"url\": \"https://x.example/\",\n \"title\" }");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("https://newswire.dev/problems/malformed-json");
        assertThat(field(answer)).isEqualTo("body");
        assertThat(answer.json().get("detail").asString()).startsWith("body: is not valid JSON at line 2, column");
    }

    @Test
    void refusesAnArticleWithNeitherUrlNorContent() throws Exception {
        Answer answer = api.post("/api/v1/articles", "application/json", "{\"title\": \"Just a title\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(field(answer)).isEqualTo("content");
        assertThat(answer.json().get("instance").asString()).isEqualTo("/api/v1/articles");
    }

    @Test
    void namesEachBadFieldOfAnArticle() throws Exception {
        Answer answer = api.post("/api/v1/articles", "application/json", """
                {"url": "javascript:alert(1)", "title": 42, "content": "a", "html": "<p>b</p>",
                 "language": "english", "publishedAt": "26/11/2025"}
                """);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("url", "title", "html", "language", "publishedAt");
    }

    @Test
    void answers413ForABodyOverTheCapWithOrWithoutContentLength() throws Exception {
        byte[] big = ("{\"content\": \"" + "x".repeat(1_200_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        Answer declared = api.post("/api/v1/articles", "application/json", big);
        Answer chunked = api.send(api.request("/api/v1/articles").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));

        assertThat(declared.status()).isEqualTo(413);
        assertThat(field(declared)).isEqualTo("body");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void aBatchOverTheLimitIsRefusedAtItsFirstExtraArticleBeforeTheRestIsRead() throws Exception {
        String item = "{\"content\": \"x\"}";
        // What follows the sixth article is not JSON: the limit must be met before the parser gets there.
        Answer answer = api.post("/api/v1/articles", "application/json",
                "[" + String.join(",", java.util.Collections.nCopies(6, item)) + ", this is not json");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("type").asString()).isEqualTo("https://newswire.dev/problems/batch-too-large");
        assertThat(answer.json().get("detail").asString())
                .isEqualTo("body: a batch holds at most 5 articles, this one more");
    }

    @Test
    void deeplyNestedJsonIsRefusedAsMalformed() throws Exception {
        Answer arrays = api.post("/api/v1/articles", "application/json", "[".repeat(200_000));
        Answer objects = api.post("/api/v1/articles", "application/json",
                "{\"content\": \"x\", \"extra\": " + "{\"a\": ".repeat(100) + "1" + "}".repeat(101));

        assertThat(arrays.status()).isEqualTo(400);
        assertThat(arrays.json().get("type").asString()).isEqualTo("https://newswire.dev/problems/malformed-json");
        assertThat(arrays.json().get("detail").asString()).contains("nesting depth");
        assertThat(objects.status()).isEqualTo(400);
        assertThat(objects.json().get("detail").asString()).contains("nesting depth");
    }

    @Test
    void invalidUtf8IsRefusedAsMalformed() throws Exception {
        byte[] body = {'{', '"', 'c', 'o', 'n', 't', 'e', 'n', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        Answer answer = api.post("/api/v1/articles", "application/json", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("type").asString()).isEqualTo("https://newswire.dev/problems/malformed-json");
        assertThat(answer.json().get("detail").asString()).contains("Invalid UTF-8");
    }

    @Test
    void anUnpairedSurrogateIsStoredAsAReplacementCharacter() throws Exception {
        String url = "https://news.example/surrogate/" + UUID.randomUUID();

        Answer answer = api.post("/api/v1/articles", "application/json",
                "{\"url\": \"" + url + "\", \"content\": \"half \\ud800 a pair\", \"title\": \"\\udfff\"}");

        assertThat(answer.status()).isEqualTo(202);
        RawArticle article = JSON.readValue(awaitRecord(ArticleIds.forUrl(url)).value(), RawArticle.class);
        assertThat(article.content()).isEqualTo("half \uFFFD a pair");
        assertThat(article.feedTitle()).isEqualTo("\uFFFD");
    }

    @Test
    void answers413ForABatchOverTheLimit() throws Exception {
        String item = "{\"content\": \"x\"}";
        Answer answer = api.post("/api/v1/articles", "application/json",
                "[" + String.join(",", java.util.Collections.nCopies(6, item)) + "]");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("maxBatchSize").asInt()).isEqualTo(5);
    }

    @Test
    void answers415ForAnotherMediaTypeNamingTheHeader() throws Exception {
        Answer answer = api.post("/api/v1/articles", "text/csv", "url,content");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(field(answer)).isEqualTo("Content-Type");
    }

    @Test
    void fetchesThePageOfAUrlOnlyArticle() throws Exception {
        String path = "/story/" + UUID.randomUUID();
        site.on(path, exchange -> respond(exchange, 200, "text/html; charset=utf-8", "<html><p>Fetched story</p></html>"));
        String url = site.uri(path).toString();

        Answer answer = api.post("/api/v1/articles", "application/json", "{\"url\": \"" + url + "\"}");

        assertThat(answer.status()).isEqualTo(202);
        RawArticle article = JSON.readValue(awaitRecord(ArticleIds.forUrl(url)).value(), RawArticle.class);
        assertThat(article.content()).isEqualTo("<html><p>Fetched story</p></html>");
    }

    @Test
    void refusesToFetchTheCloudMetadataAddress() throws Exception {
        Answer answer = api.post("/api/v1/pages", "application/json",
                "{\"url\": \"http://169.254.169.254/latest/meta-data/\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(field(answer)).isEqualTo("url");
        assertThat(answer.json().get("detail").asString()).contains("non-public address 169.254.169.254");
    }

    @Test
    void ingestsTheEntriesOfAFeedDocument() throws Exception {
        Path feed = SharedData.require("eval/feeds-feedrs/rss2/rss_2.0_example_2.xml");

        Answer answer = api.post("/api/v1/feeds?method=file", "application/rss+xml", Files.readAllBytes(feed));

        assertThat(answer.status()).isEqualTo(202);
        String url = "http://www.nasa.gov/press-release/nasa-television-to-broadcast-space-station-departure-of-cygnus-cargo-ship";
        RawArticle article = JSON.readValue(awaitRecord(ArticleIds.forUrl(url)).value(), RawArticle.class);
        assertThat(article.feedTitle()).isEqualTo("NASA Television to Broadcast Space Station Departure of Cygnus Cargo Ship");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2019-08-01T20:15:00Z"));
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.ingestMethod()).isEqualTo(IngestMethod.FILE);
        assertThat(article.content()).startsWith("More than three months after delivering");
    }

    @Test
    void aPageUrlThatIsAFeedIsIngestedAsAFeed() throws Exception {
        String path = "/feed-" + UUID.randomUUID() + ".xml";
        String link = "https://news.example/" + UUID.randomUUID();
        site.on(path, exchange -> respond(exchange, 200, "application/rss+xml", rss(link, "Via a page URL")));

        Answer answer = api.post("/api/v1/pages", "application/json",
                "{\"url\": \"" + site.uri(path) + "\", \"fetchPages\": false}");

        assertThat(answer.status()).isEqualTo(202);
        RawArticle article = JSON.readValue(awaitRecord(ArticleIds.forUrl(link)).value(), RawArticle.class);
        assertThat(article.ingestMethod()).isEqualTo(IngestMethod.FEED);
    }

    @Test
    void pollsASourceAddedThroughTheApiAndShowsItsStatus() throws Exception {
        String path = "/polled-" + UUID.randomUUID() + ".xml";
        String link = "https://news.example/" + UUID.randomUUID();
        site.on(path, exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"e1\"");
            respond(exchange, 200, "application/rss+xml", rss(link, "Polled item"));
        });
        String id = "it-" + UUID.randomUUID().toString().substring(0, 8);

        Answer created = api.post("/api/v1/sources", "application/json", """
                {"id": "%s", "name": "IT feed", "url": "%s", "interval": "200ms", "fetchPages": false}
                """.formatted(id, site.uri(path)));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/sources/" + id);
        RawArticle article = JSON.readValue(awaitRecord(ArticleIds.forUrl(link)).value(), RawArticle.class);
        assertThat(article.sourceId()).isEqualTo(id);
        assertThat(article.sourceName()).isEqualTo("IT feed");
        await().atMost(TIMEOUT).until(() -> site.requests(path).stream()
                .anyMatch(r -> "\"e1\"".equals(r.header("If-None-Match"))));

        JsonNode status = api.get("/api/v1/sources/" + id).json().get("status");
        assertThat(status.get("itemsPublished").asLong()).isEqualTo(1);
        assertThat(status.get("itemsSeen").asInt()).isEqualTo(1);
        assertThat(status.get("lastStatus").asString()).isEqualTo("200 ok");
        assertThat(status.get("lastFetchAt").asString()).isNotBlank();
        assertThat(api.get("/api/v1/sources").json().findValuesAsString("id")).contains(id);

        assertThat(api.delete("/api/v1/sources/" + id).status()).isEqualTo(204);
        Answer gone = api.get("/api/v1/sources/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(field(gone)).isEqualTo("id");
    }

    @Test
    void refusesASourceWithABadUrlAndATooShortInterval() throws Exception {
        Answer answer = api.post("/api/v1/sources", "application/json",
                "{\"url\": \"not a url\", \"interval\": \"10ms\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("url", "interval");
    }

    @Test
    void healthAndMetricsNeedNoKeyAndCountPublishedArticles() throws Exception {
        api.post("/api/v1/articles", "application/json", "{\"content\": \"counted " + UUID.randomUUID() + "\"}");
        ApiClient anonymous = new ApiClient(port, null);

        Answer health = anonymous.get("/actuator/health");
        Answer metrics = anonymous.send(anonymous.request("/actuator/prometheus").GET());

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().body()).contains("newswire_ingest_published_total{", "method=\"push\"");
    }

    private ConsumerRecord<byte[], byte[]> awaitRecord(String id) {
        return await().atMost(TIMEOUT).until(() -> topic.withKey(id), list -> !list.isEmpty()).get(0);
    }

    private static String field(Answer answer) {
        return answer.json().get("errors").get(0).get("field").asString();
    }

    private static String rss(String link, String title) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>https://news.example/</link>"
                + "<item><title>" + title + "</title><link>" + link + "</link><description>Body of " + title
                + "</description></item></channel></rss>";
    }
}
