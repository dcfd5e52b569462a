package dev.newswire.search.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.runtime.problem.Problem;
import dev.newswire.search.StackSupport;
import dev.newswire.search.TestArticles;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search API over articles indexed through the real path (Kafka → indexer → Elasticsearch): the
 * seed article as the enrichment should produce it and a few English, Japanese and Chinese articles.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackSupport stack = new StackSupport("api");
    private final HttpClient http = HttpClient.newHttpClient();
    private EnrichedArticle seed;

    @Inject
    EmbeddedServer server;

    @Inject
    ElasticsearchClient elasticsearch;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @BeforeAll
    void indexCorpus() {
        List<EnrichedArticle> corpus = TestArticles.corpus();
        seed = corpus.get(0);
        corpus.forEach(stack::send);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            elasticsearch.indices().refresh(r -> r.index(stack.alias));
            return elasticsearch.count(c -> c.index(stack.alias)).count() == corpus.size();
        });
    }

    @AfterAll
    void closeStack() {
        stack.close();
    }

    private record Response(int status, String contentType, JsonNode body, String text) {
    }

    private Response get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + pathAndQuery)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        String contentType = response.headers().firstValue("content-type").orElse("");
        JsonNode body = contentType.contains("json") ? JSON.readTree(response.body()) : null;
        return new Response(response.statusCode(), contentType, body, response.body());
    }

    private JsonNode search(String query) throws IOException, InterruptedException {
        Response response = get("/api/v1/search?" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("hits").spliterator(), false).map(h -> h.get("id").asText()).toList();
    }

    private static List<String> values(JsonNode facet) {
        return StreamSupport.stream(facet.spliterator(), false).map(f -> f.get("label").asText()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"米中 軍事対話", "US China military dialogue", "ヘグセス", "Hegseth", "軍事対話"})
    void doneWhenQueriesReturnTheSeedFirst(String text) throws Exception {
        assertThat(ids(search(q(text)))).first().isEqualTo(seed.id());
    }

    @Test
    void topicFilterReturnsTheSeedFirstAndItsFacetsListPeteHegseth() throws Exception {
        JsonNode page = search("topic=us-china-military-dialogue");

        assertThat(ids(page)).containsExactly(seed.id());
        assertThat(values(page.get("facets").get("persons"))).contains("Pete Hegseth", "Xi Jinping");
        JsonNode topic = page.get("facets").get("topics").get(0);
        assertThat(topic.get("value").asText()).isEqualTo("us-china-military-dialogue");
        assertThat(topic.get("label").asText()).isEqualTo("US–China military dialogue");
        assertThat(topic.get("count").asLong()).isEqualTo(1);
    }

    @Test
    void compoundDoesNotMatchAnArticleWithItsCharactersOnlyApart() throws Exception {
        JsonNode page = search(q("軍事対話"));

        assertThat(ids(page)).doesNotContain(TestArticles.militaryAndDialogueApart().id());
        // ... which the words themselves do find:
        assertThat(ids(search(q("対話")))).contains(TestArticles.militaryAndDialogueApart().id());
    }

    @Test
    void japaneseNameFindsTheEnglishArticleAboutThatPerson() throws Exception {
        assertThat(ids(search(q("ヘグセス")))).contains(TestArticles.pentagonBudget().id());
        assertThat(ids(search(q("ピート・ヘグセス")))).contains(TestArticles.pentagonBudget().id(), seed.id());
    }

    @Test
    void chineseIsSearchedAtWordLevel() throws Exception {
        assertThat(ids(search(q("经贸磋商")))).containsExactly(TestArticles.chineseTradeTalks().id());
    }

    @Test
    void snippetsAreHtmlEscapedWithMarkedMatches() throws Exception {
        JsonNode hit = search(q("crafted comment")).get("hits").get(0);

        String snippet = hit.get("snippet").asText();
        assertThat(snippet).contains("&lt;script&gt;alert(&#x27;owned&#x27;)&lt;&#x2F;script&gt;")
                .contains("<em>crafted comment</em>").doesNotContain("<script>");
    }

    @Test
    void japaneseSnippetIsReadableTextWithTheWordsMarked() throws Exception {
        String snippet = search(q("軍事対話")).get("hits").get(0).get("snippet").asText();

        assertThat(snippet).contains("<em>軍事対話</em>").doesNotContain(" ");
    }

    @Test
    void hitsCarryTheArticleFieldsAndFacetsCountAllMatches() throws Exception {
        JsonNode page = search(q("Hegseth"));

        JsonNode first = page.get("hits").get(0);
        assertThat(first.get("title").asText()).isEqualTo(seed.title());
        assertThat(first.get("language").asText()).isEqualTo("ja");
        assertThat(first.get("source").asText()).isEqualTo("Kangnam Times");
        assertThat(first.get("publishedAt").asText()).isEqualTo("2025-11-17T05:00:00Z");
        assertThat(first.get("topics").get(0).get("id").asText()).isEqualTo("us-china-military-dialogue");
        assertThat(first.get("entities").size()).isEqualTo(seed.entities().size());
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(values(page.get("facets").get("languages"))).containsExactlyInAnyOrder("ja", "en");
        assertThat(page.get("facets").get("published").get(0).get("date").asText()).isEqualTo("2025-11-01");
        assertThat(page.get("facets").get("publishedInterval").asText()).isEqualTo("month");
    }

    @Test
    void nearDuplicatesCarryTheirOriginalAndCanBeLeftOut() throws Exception {
        EnrichedArticle original = TestArticles.scriptInBody();
        EnrichedArticle copy = TestArticles.syndicatedCopy();
        JsonNode all = search(q("crafted comment"));
        assertThat(ids(all)).containsExactlyInAnyOrder(original.id(), copy.id());
        JsonNode copyHit = StreamSupport.stream(all.get("hits").spliterator(), false)
                .filter(h -> h.get("id").asText().equals(copy.id())).findFirst().orElseThrow();
        assertThat(copyHit.get("duplicateOf").asText()).isEqualTo(original.id());
        assertThat(all.get("hits").get(0).has("duplicateOf") && all.get("hits").get(1).has("duplicateOf")).isFalse();

        JsonNode originals = search(q("crafted comment") + "&duplicates=exclude");
        assertThat(ids(originals)).containsExactly(original.id());
        assertThat(originals.get("total").asLong()).isEqualTo(1);
        assertThat(values(originals.get("facets").get("sources"))).containsExactly("News Example");
        assertThat(ids(search("duplicates=exclude&size=100"))).hasSize(TestArticles.corpus().size() - 1)
                .doesNotContain(copy.id());
    }

    @Test
    void filtersCombine() throws Exception {
        assertThat(ids(search("person=Pete%20Hegseth&lang=en"))).containsExactly(TestArticles.pentagonBudget().id());
        assertThat(ids(search("person=person/pete-hegseth"))).containsExactlyInAnyOrder(seed.id(),
                TestArticles.pentagonBudget().id());
        assertThat(ids(search("place=China&from=2025-11-08&to=2025-11-08"))).containsExactly(TestArticles.trade().id());
        JsonNode days = search("from=2025-11-01&to=2025-11-30").get("facets");
        assertThat(days.get("publishedInterval").asText()).isEqualTo("day");
        assertThat(days.get("published").size()).isEqualTo(TestArticles.corpus().size());
    }

    @Test
    void cursorPagesThroughEveryArticleOnce() throws Exception {
        for (String sort : List.of("newest", "relevance")) {
            Set<String> seen = new HashSet<>();
            List<String> order = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = search("sort=" + sort + "&size=2" + (cursor == null ? "" : "&cursor=" + cursor));
                order.addAll(ids(page));
                seen.addAll(ids(page));
                cursor = page.get("cursor").isNull() ? null : page.get("cursor").asText();
            } while (cursor != null);
            assertThat(order).hasSize(TestArticles.corpus().size()).hasSameSizeAs(seen);
        }
        assertThat(ids(search("sort=newest&size=1"))).containsExactly(seed.id());
    }

    @ParameterizedTest
    @CsvSource({
        "sort=oldest, sort",
        "size=1000, size",
        "size=abc, size",
        "from=yesterday, from",
        "to=2025-02-30, to",
        "cursor=bm90LWEtY3Vyc29y, cursor",
        "duplicates=hide, duplicates",
    })
    void badParametersGetProblemDetailsNamingThem(String query, String parameter) throws Exception {
        assertProblem(get("/api/v1/search?" + query), 400, parameter);
    }

    @Test
    void overLongQueryGetsProblemDetails() throws Exception {
        assertProblem(get("/api/v1/search?" + q("x".repeat(501))), 400, "q");
    }

    @Test
    void cursorOfAnotherQueryGetsProblemDetails() throws Exception {
        String cursor = search(q("Hegseth") + "&size=1").get("cursor").asText();

        assertProblem(get("/api/v1/search?" + q("China") + "&size=1&cursor=" + cursor), 400, "cursor");
    }

    @Test
    void searchElasticsearchRefusesIsA400ProblemThatNamesNoInternals() throws Exception {
        elasticsearch.indices().putSettings(s -> s.index(stack.index).settings(i -> i.maxResultWindow(5).maxTermsCount(1)));
        try {
            Response window = get("/api/v1/search?size=10");
            assertProblem(window, 400, "size");
            Response terms = get("/api/v1/search?topic=a&topic=b");
            assertThat(terms.status()).isEqualTo(400);
            assertThat(terms.body().get("type").asText()).isEqualTo(ProblemTypes.INVALID_SEARCH);
            for (Response refused : List.of(window, terms)) {
                assertThat(refused.contentType()).startsWith(Problem.MEDIA_TYPE);
                assertThat(refused.text().toLowerCase()).doesNotContain("exception").doesNotContain("elasticsearch")
                        .doesNotContain(stack.index).doesNotContain(stack.alias).doesNotContain("search.topicids");
            }
        } finally {
            elasticsearch.indices().putSettings(s -> s.index(stack.index).settings(i -> i.maxResultWindow(10_000)
                    .maxTermsCount(65_536)));
        }
    }

    @Test
    void anArticleLongerThanTheHighlightLimitIsHighlightedUpToItInsteadOfFailingTheSearch() throws Exception {
        // As if every body were longer than Elasticsearch highlights by default: without a limit in the
        // request, Elasticsearch would refuse every search that finds one.
        elasticsearch.indices().putSettings(s -> s.index(stack.index).settings(i -> i.highlight(h -> h.maxAnalyzedOffset(20))));
        try {
            assertThat(ids(search(q("Hegseth")))).first().isEqualTo(seed.id());
        } finally {
            elasticsearch.indices().putSettings(s -> s.index(stack.index).settings(i -> i.highlight(h -> h.maxAnalyzedOffset(1_000_000))));
        }
    }

    @Test
    void userTextIsNeverQuerySyntax() throws Exception {
        for (String text : List.of("{\"match_all\":{}}", "title:* OR *", "\"unbalanced", "-Hegseth", "(a) | b*~2")) {
            assertThat(get("/api/v1/search?" + q(text)).status()).isEqualTo(200);
        }
        assertThat(search(q("title:* OR *")).get("total").asLong()).isZero();
    }

    @Test
    void articleByIdAndNotFoundProblem() throws Exception {
        Response found = get("/api/v1/articles/" + seed.id());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("title").asText()).isEqualTo(seed.title());
        assertThat(found.body().get("body").asText()).isEqualTo(seed.body());

        assertProblem(get("/api/v1/articles/no-such-article"), 404, "id");
    }

    @Test
    void similarArticlesShareTopicsOrEntitiesAcrossLanguages() throws Exception {
        Response similar = get("/api/v1/articles/" + seed.id() + "/similar");

        assertThat(similar.status()).isEqualTo(200);
        List<String> ids = ids(similar.body());
        assertThat(ids).doesNotContain(seed.id()).contains(TestArticles.pentagonBudget().id());
        assertProblem(get("/api/v1/articles/no-such-article/similar"), 404, "id");
    }

    @Test
    void topicsAreListedWithCounts() throws Exception {
        JsonNode topics = get("/api/v1/topics").body().get("topics");

        assertThat(StreamSupport.stream(topics.spliterator(), false)
                .filter(t -> t.get("value").asText().equals("us-china-military-dialogue"))
                .map(t -> t.get("count").asLong())).containsExactly(1L);
    }

    @Test
    void openApiHealthAndMetricsAreServed() throws Exception {
        Response openApi = get("/openapi/newswire-search-v1.yml");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.text()).contains("/api/v1/search").contains("/api/v1/articles/{id}/similar");

        Response health = get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");

        Response metrics = get("/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("newswire_indexer_documents_total");
    }

    @Test
    void unknownRoutesAlsoAnswerWithProblemDetails() throws Exception {
        Response response = get("/api/v1/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.body().get("status").asInt()).isEqualTo(404);
    }

    private static void assertProblem(Response response, int status, String parameter) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.body().get("type").asText()).startsWith("urn:newswire:problem:");
        assertThat(response.body().get("title").asText()).isNotBlank();
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("detail").asText()).isNotBlank();
        assertThat(response.body().get("parameter").asText()).isEqualTo(parameter);
    }
}
