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
import dev.newswire.search.query.SearchCriteria;
import dev.newswire.search.query.SearchCursor;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random search parameters (q, topic, lang, from, to, sort, size, cursor, duplicates) through the real HTTP
 * server and the real Elasticsearch: the answer is never a 5xx; a refusal is a 400 problem that names no
 * internals; and forged cursors that pass the checksum reach Elasticsearch's {@code search_after}.
 */
class SearchParametersPropertyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static StackSupport stack;
    private static EmbeddedServer server;
    private static SearchParameters parameters;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeContainer
    static void start() {
        stack = new StackSupport("property");
        Map<String, Object> properties = new LinkedHashMap<>(stack.properties());
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        parameters = new SearchParameters(server.getApplicationContext().getBean(SearchApiSettings.class));
        List<EnrichedArticle> corpus = List.of(TestArticles.pentagonBudget(), TestArticles.militaryAndDialogueApart(),
                TestArticles.scriptInBody(), TestArticles.syndicatedCopy(), TestArticles.trade(),
                TestArticles.chineseTradeTalks());
        corpus.forEach(stack::send);
        ElasticsearchClient elasticsearch = server.getApplicationContext().getBean(ElasticsearchClient.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            elasticsearch.indices().refresh(r -> r.index(stack.alias));
            return elasticsearch.count(c -> c.index(stack.alias)).count() == corpus.size();
        });
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Property(tries = 150)
    void randomParametersNeverGetA5xxAndEveryRefusalIsAProblemWithoutInternals(
            @ForAll("searches") Map<String, List<String>> search) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL()
                + "/api/v1/search?" + query(search))).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("%s -> %s", search, response.body()).isLessThan(500);
        String contentType = response.headers().firstValue("content-type").orElse("");
        JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        if (response.statusCode() == 200) {
            assertThat(body.get("total").isNumber()).isTrue();
        } else {
            // 400 from the API; 413 from the HTTP layer when the request line is longer than it takes.
            assertThat(response.statusCode()).as(response.body()).isIn(400, 413);
            assertThat(contentType).as(response.body()).startsWith(Problem.MEDIA_TYPE);
            assertThat(body.get("status").asInt()).isEqualTo(response.statusCode());
            String text = response.body().toLowerCase(Locale.ROOT);
            assertThat(text).doesNotContain("exception").doesNotContain("elasticsearch")
                    .doesNotContain(stack.index).doesNotContain(stack.alias).doesNotContain("search.");
        }
    }

    @Property(tries = 60)
    void randomArticleIdsAndSimilarSizesNeverGetA5xx(@ForAll("ids") String id, @ForAll("sizes") String size)
            throws Exception {
        String path = "/api/v1/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        for (String target : List.of(path, path + "/similar?size=" + URLEncoder.encode(size, StandardCharsets.UTF_8))) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + target))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as("%s -> %s", target, response.body()).isIn(200, 400, 404);
            if (response.statusCode() != 200) {
                assertThat(response.headers().firstValue("content-type").orElse("")).startsWith(Problem.MEDIA_TYPE);
                assertThat(response.body().toLowerCase(Locale.ROOT)).doesNotContain("exception")
                        .doesNotContain(stack.index).doesNotContain(stack.alias);
            }
        }
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(200),
                Arbitraries.of(TestArticles.pentagonBudget().id(), TestArticles.trade().id(), "x".repeat(128)));
    }

    @Provide
    Arbitrary<String> sizes() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-5, 60).map(String::valueOf),
                Arbitraries.strings().all().ofMaxLength(12));
    }

    @Provide
    Arbitrary<Map<String, List<String>>> searches() {
        Arbitrary<String> q = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(520),
                Arbitraries.strings().withCharRange('a', 'e').ofLength(1).list().ofMaxSize(260).map(w -> String.join(" ", w)),
                Arbitraries.strings().withCharRange('\u3041', '\u30ff').withCharRange('\u4e00', '\u4fff').ofMaxLength(500),
                Arbitraries.of("Hegseth", "軍事対話", "{\"match_all\":{}}", "title:* OR *", "\"", "*", "-", "a~2", "\\"));
        Arbitrary<List<String>> filter = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(210),
                Arbitraries.of("us-china-military-dialogue", "Pete Hegseth", "person/pete-hegseth", "en", "ja", "ZH"))
                .list().ofMaxSize(22);
        Arbitrary<String> date = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Combinators.combine(Arbitraries.integers().between(-10, 10_010), Arbitraries.integers().between(0, 13),
                        Arbitraries.integers().between(0, 32)).as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d)),
                Combinators.combine(Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(-19, 19))
                        .as((y, h) -> String.format("%04d-06-15T12:00:00%+03d:00", y, h)),
                Arbitraries.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01", "9999-12-31",
                        "2025-11-17T09:00:00+09:00", "2025-11-17T09:00:00Z", "2025-11-17"));
        Arbitrary<String> size = Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf),
                Arbitraries.strings().all().ofMaxLength(12), Arbitraries.of("1", "100", "101", "0", "-1", "99999999999"));
        Arbitrary<String> sort = Arbitraries.oneOf(Arbitraries.of("relevance", "newest", "", "RELEVANCE"),
                Arbitraries.strings().all().ofMaxLength(20));
        Arbitrary<String> cursorNoise = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(1100),
                Arbitraries.strings().withCharRange('A', 'Z').withChars('-', '_', '=').ofMaxLength(1100));
        Arbitrary<String> forgedId = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<Double> score = Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 0.0));
        Arbitrary<Long> published = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L));

        return Combinators.combine(
                Combinators.combine(q.injectNull(0.2), filter, filter, date.injectNull(0.4), date.injectNull(0.4))
                        .as(Arrays::<Object>asList),
                Combinators.combine(sort.injectNull(0.4), size.injectNull(0.4), Arbitraries.of("include", "exclude", "hide"))
                        .as(Arrays::<Object>asList),
                Combinators.combine(Arbitraries.integers().between(0, 2), cursorNoise, forgedId, score, published)
                        .as(Arrays::<Object>asList))
                .as(SearchParametersPropertyIT::search);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> search(List<Object> text, List<Object> order, List<Object> cursor) {
        Map<String, List<String>> search = new LinkedHashMap<>();
        put(search, "q", (String) text.get(0));
        search.put("topic", (List<String>) text.get(1));
        search.put("lang", (List<String>) text.get(2));
        put(search, "from", (String) text.get(3));
        put(search, "to", (String) text.get(4));
        put(search, "sort", (String) order.get(0));
        put(search, "size", (String) order.get(1));
        put(search, "duplicates", (String) order.get(2));
        int kind = (Integer) cursor.get(0);
        if (kind == 1) {
            put(search, "cursor", (String) cursor.get(1));
        } else if (kind == 2) {
            forgedCursor(search, (String) cursor.get(2), (Double) cursor.get(3), (Long) cursor.get(4));
        }
        return search;
    }

    /** A cursor with a valid checksum and the search's own fingerprint but arbitrary positions. */
    private static void forgedCursor(Map<String, List<String>> search, String id, double score, long published) {
        try {
            SearchCriteria criteria = parameters.parse(name -> first(search, name), name -> search.getOrDefault(name, List.of()));
            if (!id.isEmpty() && Double.isFinite(score)) {
                put(search, "cursor", new SearchCursor(criteria.sort(), criteria.fingerprint(), score, published, id).encode());
            }
        } catch (ProblemException e) {
            // The other parameters are refused anyway: no cursor can reach Elasticsearch.
        }
    }

    private static String first(Map<String, List<String>> search, String name) {
        List<String> values = search.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static void put(Map<String, List<String>> search, String name, String value) {
        if (value != null) {
            search.put(name, List.of(value));
        }
    }

    private static String query(Map<String, List<String>> search) {
        List<String> parts = new ArrayList<>();
        search.forEach((name, values) -> values.forEach(v -> parts.add(name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return String.join("&", parts);
    }
}
