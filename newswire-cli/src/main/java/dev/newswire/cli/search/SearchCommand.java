package dev.newswire.cli.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.cli.stack.StackLayout;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newswire search QUERY}: a readable result list with facets, from the search API. */
@Command(name = "search", description = "Query the search API and print the hits and facets.")
public final class SearchCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "Full-text query (any language).")
    String query;

    @Option(names = "--topic", description = "Only articles on this topic id, e.g. us-china-military-dialogue.")
    String topic;

    @Option(names = "--lang", description = "Only articles in this language (ISO 639-1).")
    String lang;

    @Option(names = "--person", description = "Only articles mentioning this person (entity id or name).")
    String person;

    @Option(names = "--sort", description = "relevance (default) or newest.")
    String sort;

    @Option(names = "--size", defaultValue = "10", description = "Hits to show (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--no-duplicates", description = "Leave out near-duplicates of earlier articles (re-published stories).")
    boolean noDuplicates;

    @Option(names = "--json", description = "Print the API's JSON answer.")
    boolean json;

    @Option(names = "--api", description = "Search API base URL (default: the local stack's).")
    String api;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String base = api != null ? api : "http://localhost:" + StackLayout.current().ports().search();
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "q", query);
        put(params, "topic", topic);
        put(params, "lang", lang);
        put(params, "person", person);
        put(params, "sort", sort);
        put(params, "duplicates", noDuplicates ? "exclude" : null);
        params.put("size", String.valueOf(size));
        String queryString = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build().send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/search?" + queryString))
                            .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            err.println("search API at " + base + " is not reachable (" + e.getMessage() + "); is './newswire up' running?");
            return 2;
        }
        ObjectMapper mapper = new ObjectMapper();
        if (response.statusCode() != 200) {
            JsonNode problem = parse(mapper, response.body());
            err.println("search failed: HTTP " + response.statusCode() + " "
                    + (problem == null ? response.body() : problem.path("title").asText() + ": " + problem.path("detail").asText()));
            return 1;
        }
        if (json) {
            out.println(response.body());
            out.flush();
            return 0;
        }
        print(mapper.readTree(response.body()), out);
        out.flush();
        return 0;
    }

    private static void print(JsonNode result, PrintWriter out) {
        out.printf("%d article(s)%n%n", result.path("total").asLong());
        int i = 1;
        for (JsonNode hit : result.path("hits")) {
            out.printf("%2d. %s%n", i++, hit.path("title").asText("(untitled)"));
            out.printf("    %s · %s · %s%s%n", hit.path("source").asText("-"), hit.path("language").asText("-"),
                    hit.path("publishedAt").asText("-"),
                    hit.hasNonNull("duplicateOf") ? " · near-duplicate of " + hit.path("duplicateOf").asText() : "");
            String snippet = plain(hit.path("snippet").asText(""));
            if (!snippet.isBlank()) {
                out.printf("    %s%n", snippet);
            }
            String topics = join(hit.path("topics"), "id");
            if (!topics.isEmpty()) {
                out.printf("    topics: %s%n", topics);
            }
            out.printf("    %s%n%n", hit.path("url").asText(""));
        }
        JsonNode facets = result.path("facets");
        for (String facet : new String[] {"topics", "persons", "organizations", "places", "sources", "languages"}) {
            JsonNode buckets = facets.path(facet);
            if (buckets.isArray() && !buckets.isEmpty()) {
                StringBuilder line = new StringBuilder();
                int n = 0;
                for (JsonNode b : buckets) {
                    if (n++ == 8) {
                        break;
                    }
                    String label = b.hasNonNull("label") ? b.path("label").asText() : b.path("value").asText();
                    line.append(n > 1 ? ", " : "").append(label).append(" (").append(b.path("count").asLong()).append(')');
                }
                out.printf("%-14s %s%n", facet + ":", line);
            }
        }
    }

    /** Highlights come HTML-escaped with <em> marks: show them as »…« in a terminal. */
    static String plain(String snippet) {
        return snippet.replace("<em>", "»").replace("</em>", "«").replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }

    private static String join(JsonNode array, String field) {
        StringBuilder s = new StringBuilder();
        for (JsonNode n : array) {
            s.append(s.length() > 0 ? ", " : "").append(n.isTextual() ? n.asText() : n.path(field).asText());
        }
        return s.toString();
    }

    private static JsonNode parse(ObjectMapper mapper, String body) {
        try {
            return mapper.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static void put(Map<String, String> params, String key, String value) {
        if (value != null && !value.isBlank()) {
            params.put(key, value);
        }
    }
}
