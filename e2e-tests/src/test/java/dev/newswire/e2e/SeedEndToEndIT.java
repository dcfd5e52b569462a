package dev.newswire.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.model.ArticleIds;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed page through the whole product, among the bundled sample corpus: pushed to the ingest API
 * as the plain-text dump it is, enriched by the stream, indexed, and found first by topic, by Japanese
 * and by English queries, with its people in the facets.
 */
class SeedEndToEndIT {

    static final String SEED_URL = "https://www.kangnamtimes.com/news/articleView.html?idxno=us-china-dpct";
    static final String SEED_ID = ArticleIds.forUrl(SEED_URL);
    static final String TOPIC = "us-china-military-dialogue";

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static RunningServices services;
    static JsonNode expected;

    @BeforeAll
    static void ingestTheSeedAndWaitUntilSearchable() throws Exception {
        Path seedDir = Path.of(System.getProperty("newswire.shared.dir", "../../shared"), "fixtures", "seed");
        assumeTrue(Files.isDirectory(seedDir), "the seed fixture is in ../shared/fixtures/seed, absent here");
        expected = JSON.readTree(seedDir.resolve("expected.json").toFile());
        services = RunningServices.get();

        // Near misses first, so that ranking has something to beat.
        List<ObjectNode> others = new ArrayList<>();
        others.add(article("https://e2e.newswire.dev/harbor-daily/us-china-trade-talks", "US and China resume trade talks in Geneva",
                "Trade negotiators from the United States and China met in Geneva on Tuesday to discuss tariffs on "
                        + "semiconductors and farm goods, the first round of talks since both sides paused new duties in "
                        + "the summer.\n\nOfficials described the meeting as constructive and said working groups on "
                        + "export controls and agricultural purchases would report back within a month.\n\n"
                        + "Markets in Asia rose modestly on the news, with chip makers leading the gains.", "en"));
        others.add(article("https://e2e.newswire.dev/kanto-shimbun/city-dialogue", "市民との対話集会、港区で開催",
                "港区で二十五日、区長と市民との対話集会が開かれ、約百二十人が参加した。区長は来年度の防災計画について"
                        + "説明し、避難所の運営や備蓄品の見直しについて住民の意見を求めた。\n\n"
                        + "会場の近くの公園では陸上自衛隊と米軍による合同の救援訓練の展示もあり、家族連れが見学した。"
                        + "参加者からは高齢者の避難支援や、外国人住民への多言語での情報提供を求める声が相次いだ。\n\n"
                        + "区は集会で出た意見を計画に反映させ、来年三月までに改訂版を公表する方針だ。", "ja"));
        for (ObjectNode other : others) {
            post(other);
        }
        // The bundled sample corpus, as './newswire up' loads it: the seed must stand out among 70 other
        // articles, a dozen of them on the same topic and with the same people.
        List<String> sampleIds = new ArrayList<>();
        Path samples = Path.of(System.getProperty("newswire.root", "..")).resolve("samples/articles");
        try (var files = Files.list(samples)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode batch = JSON.readTree(file.toFile());
                postBatch(batch);
                batch.forEach(a -> sampleIds.add(ArticleIds.forUrl(a.path("url").asText())));
            }
        }

        String seed = Files.readString(seedDir.resolve("kangnamtimes-us-china-dpct.txt"));
        ObjectNode push = JSON.createObjectNode();
        push.put("url", SEED_URL);
        push.put("content", seed);
        push.put("source", "kangnamtimes");
        push.put("sourceName", "Kangnam Times");
        long t0 = System.nanoTime();
        post(push);
        await("the seed searchable by its topic").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> ids(search("topic=" + TOPIC)).contains(SEED_ID));
        System.err.printf("[e2e] ingest → searchable: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        await("the sample corpus indexed").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> search("size=1").path("total").asLong() >= sampleIds.size() + others.size() + 1);
        for (ObjectNode other : others) {
            String id = ArticleIds.forUrl(other.get("url").asText());
            await("near miss " + id + " indexed").atMost(Duration.ofSeconds(60))
                    .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(services.searchUrl() + "/api/v1/articles/" + id))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        }
    }

    @Test
    void topicFilterFindsTheSeedWithItsCleanTitle() throws Exception {
        JsonNode result = search("topic=" + TOPIC + "&size=50");
        assertThat(ids(result)).first().isEqualTo(SEED_ID);
        assertThat(ids(result)).doesNotContain(
                ArticleIds.forUrl("https://e2e.newswire.dev/harbor-daily/us-china-trade-talks"));
        assertThat(result.path("hits").get(0).path("title").asText()).isEqualTo(expected.get("title").asText());
        assertThat(result.path("hits").get(0).path("language").asText()).isEqualTo("ja");
    }

    @ParameterizedTest(name = "\"{0}\" finds the seed first")
    @ValueSource(strings = {"米中 軍事対話", "US China military dialogue", "ヘグセス", "Hegseth"})
    void japaneseAndEnglishQueriesFindTheSeedFirst(String query) throws Exception {
        List<String> ids = ids(search("q=" + enc(query)));
        assertThat(ids).isNotEmpty();
        assertThat(ids.get(0)).isEqualTo(SEED_ID);
    }

    @Test
    void wordLevelMatchingKeepsApartCharactersApart() throws Exception {
        String cityDialogue = ArticleIds.forUrl("https://e2e.newswire.dev/kanto-shimbun/city-dialogue");
        assertThat(ids(search("q=" + enc("軍事対話")))).contains(SEED_ID).doesNotContain(cityDialogue);
    }

    @Test
    void topicFacetsListPeteHegsethAmongPersons() throws Exception {
        JsonNode persons = search("topic=" + TOPIC).path("facets").path("persons");
        List<String> names = new ArrayList<>();
        persons.forEach(p -> {
            names.add(p.path("value").asText());
            names.add(p.path("label").asText());
        });
        assertThat(names).anySatisfy(n -> assertThat(n).containsIgnoringCase("Hegseth"));
    }

    @Test
    void articleEndpointServesTheCleanBody() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(services.searchUrl() + "/api/v1/articles/" + SEED_ID)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String body = JSON.readTree(response.body()).path("body").asText();
        expected.get("body_paragraphs").forEach(p -> assertThat(body).contains(p.asText()));
        expected.get("must_not_appear_in_body").forEach(s -> assertThat(body).doesNotContain(s.asText()));
    }

    private static ObjectNode article(String url, String title, String content, String language) {
        ObjectNode a = JSON.createObjectNode();
        a.put("url", url);
        a.put("title", title);
        a.put("content", content);
        a.put("source", "e2e");
        a.put("language", language);
        a.put("publishedAt", "2026-11-20T09:00:00Z");
        return a;
    }

    private static void post(ObjectNode article) throws IOException, InterruptedException {
        postBatch(article);
    }

    private static void postBatch(JsonNode articles) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(services.ingestUrl() + "/api/v1/articles"))
                .header("Content-Type", "application/json")
                .header("X-API-Key", RunningServices.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(articles))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
    }

    static JsonNode search(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(services.searchUrl() + "/api/v1/search?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("hits").forEach(h -> ids.add(h.path("id").asText()));
        return ids;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
