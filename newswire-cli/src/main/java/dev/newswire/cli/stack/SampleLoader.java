package dev.newswire.cli.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.model.ArticleIds;
import dev.newswire.stack.StackException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the bundled sample corpus ({@code samples/articles/*.json}, push-API JSON) and the seed page
 * through the ingest API, then waits until the search API finds them. Loading twice is harmless: the
 * ids come from the URLs, so the second load overwrites the first.
 */
final class SampleLoader {

    /** Where the seed page came from; a stable URL gives it a stable id. */
    static final String SEED_URL = "https://www.kangnamtimes.com/news/articleView.html?idxno=us-china-dpct";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final StackLayout layout;

    SampleLoader(StackLayout layout) {
        this.layout = layout;
    }

    /** Pushes the samples and waits until they are searchable; returns how many were loaded. */
    int load(PrintWriter out, Duration timeout) throws IOException, InterruptedException {
        Set<String> ids = new HashSet<>();
        Path dir = layout.root().resolve("samples").resolve("articles");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    JsonNode articles = json.readTree(file.toFile());
                    push(articles);
                    articles.forEach(a -> ids.add(ArticleIds.forUrl(a.path("url").asText())));
                }
            }
        }
        Path seed = layout.root().resolveSibling("shared").resolve("fixtures/seed/kangnamtimes-us-china-dpct.txt");
        if (Files.isRegularFile(seed)) {
            ObjectNode article = json.createObjectNode();
            article.put("url", SEED_URL);
            article.put("content", Files.readString(seed));
            article.put("source", "kangnamtimes");
            article.put("sourceName", "Kangnam Times");
            push(json.createArrayNode().add(article));
            ids.add(ArticleIds.forUrl(SEED_URL));
        } else {
            out.println("  (the seed page is not beside this checkout at " + seed + "; loading the bundled samples only)");
        }
        awaitSearchable(ids, timeout);
        return ids.size();
    }

    private void push(JsonNode articles) throws IOException, InterruptedException {
        ArrayNode batch = articles.isArray() ? (ArrayNode) articles : json.createArrayNode().add(articles);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + layout.ports().ingest() + "/api/v1/articles"))
                .header("Content-Type", "application/json")
                .header("X-API-Key", layout.apiKey())
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(batch))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new StackException("the ingest API refused the samples: HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Waits until the search API serves every sample by id: then the example queries work. */
    private void awaitSearchable(Set<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> missing = new HashSet<>(ids);
        while (!missing.isEmpty()) {
            missing.removeIf(this::indexed);
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(missing.size() + " of " + ids.size() + " sample articles were not searchable after "
                        + timeout.toSeconds() + " s; see './newswire status' and the logs in " + layout.logDir());
            }
            Thread.sleep(500);
        }
    }

    private boolean indexed(String id) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + layout.ports().search()
                            + "/api/v1/articles/" + id)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static List<String> exampleQueries() {
        return List.of(
                "./newswire search \"米中 軍事対話\"",
                "./newswire search \"US China military dialogue\"",
                "./newswire search --topic us-china-military-dialogue",
                "./newswire search Hegseth --lang ja",
                "curl 'http://localhost:8080/api/v1/search?q=%E3%83%98%E3%82%B0%E3%82%BB%E3%82%B9&size=3'");
    }
}
