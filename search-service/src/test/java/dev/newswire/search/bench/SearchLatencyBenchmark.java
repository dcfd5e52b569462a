package dev.newswire.search.bench;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import dev.newswire.search.StackSupport;
import dev.newswire.search.api.SearchApiSettings;
import dev.newswire.search.api.SearchParameters;
import dev.newswire.search.index.IndexSettings;
import dev.newswire.search.query.SearchCriteria;
import dev.newswire.search.query.SearchQueries;
import dev.newswire.search.text.Segmenter;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Search latency with all facets at 100k documents: the search API (HTTP, parameter validation, query
 * building, Elasticsearch, response mapping and JSON) against the very same Elasticsearch request sent
 * straight to Elasticsearch over HTTP. Both from one client, interleaved, after a warm-up. Prints p50 and
 * p99 of each and their ratio. {@code -Dbench.search.documents=N} (default 100000),
 * {@code -Dbench.search.rounds=N} (default 40 rounds of all queries).
 */
class SearchLatencyBenchmark {

    private static final List<String> QUERIES = List.of(
            "q=Hegseth",
            "q=US%20China%20military%20dialogue",
            "q=" + enc("米中 軍事対話"),
            "q=" + enc("ヘグセス"),
            "topic=us-china-military-dialogue",
            "q=trade&lang=en&sort=newest",
            "q=dialogue&from=2025-06-01&to=2025-08-31",
            "person=Xi%20Jinping&size=20");

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void apiAgainstElasticsearchWithAllFacets() throws Exception {
        int n = Integer.getInteger("bench.search.documents", 100_000);
        int rounds = Integer.getInteger("bench.search.rounds", 40);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        try (BenchmarkSupport support = new BenchmarkSupport(StackSupport.elasticsearch())) {
            IndexSettings index = support.createIndex("bench-news-v1-" + suffix, "bench-news-" + suffix);
            int chunk = 10_000;
            for (int from = 0; from < n; from += chunk) {
                // In chunks with distinct seeds and ids, so that 100k documents never sit in memory at once.
                support.bulkLoad(index, BenchmarkSupport.documents(
                        BenchmarkCorpus.generate(Math.min(chunk, n - from), from, from)));
            }
            support.client.indices().refresh(r -> r.index(index.getAlias()));
            long count = support.client.count(c -> c.index(index.getAlias())).count();
            assertThat(count).isEqualTo(n);

            Map<String, Object> properties = new HashMap<>();
            properties.put("micronaut.server.port", -1);
            properties.put("elasticsearch.url", StackSupport.elasticsearch());
            properties.put("kafka.bootstrap-servers", StackSupport.kafka());
            properties.put("indexer.enabled", false);
            properties.put("search.index.name", index.getName());
            properties.put("search.index.alias", index.getAlias());
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                HttpClient http = HttpClient.newHttpClient();
                SearchQueries queries = new SearchQueries(new Segmenter(), new SearchApiSettings());
                SearchParameters parameters = new SearchParameters(new SearchApiSettings());
                Map<String, String> direct = new LinkedHashMap<>();
                for (String query : QUERIES) {
                    SearchCriteria criteria = parse(parameters, query);
                    SearchRequest request = queries.search(criteria, index.getAlias(), new SearchApiSettings().getFacetSize());
                    direct.put(query, JsonpUtils.toJsonString(request, support.transport.jsonpMapper()));
                }
                String api = server.getURL() + "/api/v1/search?";
                String es = StackSupport.elasticsearch() + "/" + index.getAlias() + "/_search?typed_keys=true";

                for (int warm = 0; warm < 10; warm++) {
                    for (String query : QUERIES) {
                        time(http, HttpRequest.newBuilder(URI.create(api + query)).GET().build());
                        time(http, post(es, direct.get(query)));
                    }
                }
                long[] apiNanos = new long[rounds * QUERIES.size()];
                long[] esNanos = new long[rounds * QUERIES.size()];
                int i = 0;
                for (int round = 0; round < rounds; round++) {
                    for (String query : QUERIES) {
                        apiNanos[i] = time(http, HttpRequest.newBuilder(URI.create(api + query)).GET().build());
                        esNanos[i] = time(http, post(es, direct.get(query)));
                        i++;
                    }
                }
                double apiP50 = BenchmarkSupport.percentile(apiNanos, 50);
                double apiP99 = BenchmarkSupport.percentile(apiNanos, 99);
                double esP50 = BenchmarkSupport.percentile(esNanos, 50);
                double esP99 = BenchmarkSupport.percentile(esNanos, 99);
                System.out.printf("%n[benchmark] search with all facets over %d documents, %d queries × %d rounds%n",
                        count, QUERIES.size(), rounds);
                System.out.printf("[benchmark]   search API:          p50 %.1f ms, p99 %.1f ms%n", apiP50, apiP99);
                System.out.printf("[benchmark]   Elasticsearch alone: p50 %.1f ms, p99 %.1f ms%n", esP50, esP99);
                System.out.printf("[benchmark]   ratio API / Elasticsearch: p50 %.2f, p99 %.2f%n", apiP50 / esP50,
                        apiP99 / esP99);
                io.micrometer.core.instrument.Timer inClient = server.getApplicationContext()
                        .getBean(io.micrometer.core.instrument.MeterRegistry.class).get("newswire.search.elasticsearch").timer();
                System.out.printf("[benchmark]   API time inside the Elasticsearch client call: mean %.1f ms over %d calls;"
                                + " API mean %.1f ms, Elasticsearch alone mean %.1f ms%n%n",
                        inClient.mean(java.util.concurrent.TimeUnit.MILLISECONDS), inClient.count(),
                        java.util.Arrays.stream(apiNanos).average().orElse(0) / 1e6,
                        java.util.Arrays.stream(esNanos).average().orElse(0) / 1e6);
            }
            support.client.indices().delete(d -> d.index(index.getName()));
        }
    }

    private static SearchCriteria parse(SearchParameters parameters, String query) {
        Map<String, List<String>> raw = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            raw.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters.parse(name -> raw.containsKey(name) ? raw.get(name).get(0) : null,
                name -> raw.getOrDefault(name, List.of()));
    }

    private static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static long time(HttpClient http, HttpRequest request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return elapsed;
    }
}
