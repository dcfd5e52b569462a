package dev.newswire.cli.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The search side as the suite checks it: one article through the search API, many ids in Elasticsearch directly. */
final class Index {

    /** How many ids one query asks for. */
    private static final int CHUNK = 1000;

    /** Of the ids asked for: those not indexed, and those found more than once behind the alias. */
    record Count(int asked, int once, List<String> missing, List<String> duplicated) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String searchApi;
    private final String elasticsearch;

    Index(int searchPort, int elasticsearchPort) {
        this.searchApi = "http://127.0.0.1:" + searchPort;
        this.elasticsearch = "http://127.0.0.1:" + elasticsearchPort;
    }

    /** Whether the search API serves the article {@code id}. */
    boolean searchable(String id) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(searchApi + "/api/v1/articles/" + id))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The article {@code id} as the search API serves it, or null. */
    JsonNode article(String id) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(searchApi + "/api/v1/articles/" + id))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? json.readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * How often each id is in the index behind the alias {@code news}, asked of Elasticsearch itself after a
     * refresh: an id in two indices behind the alias counts twice.
     */
    Count count(List<String> ids) throws IOException, InterruptedException {
        send("POST", "/news/_refresh", null);
        Map<String, Integer> seen = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            ObjectNode query = json.createObjectNode();
            query.put("size", 2 * CHUNK);
            query.put("_source", false);
            query.putObject("query").putObject("ids").putPOJO("values", chunk);
            JsonNode answer = json.readTree(send("POST", "/news/_search", json.writeValueAsString(query)));
            for (JsonNode hit : answer.path("hits").path("hits")) {
                seen.merge(hit.path("_id").asText(), 1, Integer::sum);
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        int once = 0;
        for (String id : ids) {
            int n = seen.getOrDefault(id, 0);
            if (n == 0) {
                missing.add(id);
            } else if (n > 1) {
                duplicated.add(id);
            } else {
                once++;
            }
        }
        return new Count(ids.size(), once, missing, duplicated);
    }

    private String send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(elasticsearch + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Elasticsearch answered " + path + " with HTTP " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }
}
