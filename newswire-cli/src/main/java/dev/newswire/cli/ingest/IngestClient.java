package dev.newswire.cli.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends work items to the ingest API (JDK HttpClient, Jackson) and records what it accepted and rejected.
 * Files go with {@code method=file}, so their articles are marked as file ingests.
 */
final class IngestClient {

    /** The API cannot be used at all (unreachable, key refused): the run stops. */
    static final class FatalException extends Exception {
        FatalException(String message) {
            super(message);
        }
    }

    /** What the command line adds to every item. */
    record Options(String source, String language, boolean fetchPages, int batchSize) {
    }

    private static final int MAX_RETRIES = 3;
    private static final long MAX_RETRY_WAIT_SECONDS = 10;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String api;
    private final String key;
    private final Options options;
    private final Tally tally;

    IngestClient(String api, String key, Options options, Tally tally) {
        this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
        this.key = key;
        this.options = options;
        this.tally = tally;
    }

    void send(WorkItem item) throws FatalException, InterruptedException {
        try {
            switch (item.kind()) {
                case HTML -> one(item.label(), post("/api/v1/pages", query(true, false), "text/html",
                        Files.readAllBytes(item.path())));
                case TEXT -> one(item.label(), post("/api/v1/pages", query(true, false), "text/plain; charset=UTF-8",
                        Files.readAllBytes(item.path())));
                case FEED -> perEntry(item.label(), post("/api/v1/feeds", query(true, true), "application/xml",
                        Files.readAllBytes(item.path())));
                case JSON -> json(item);
                case JSONL -> jsonLines(item);
                case URL -> {
                    ObjectNode body = json.createObjectNode().put("url", item.url());
                    if (options.source() != null) {
                        body.put("source", options.source());
                    }
                    if (options.language() != null) {
                        body.put("language", options.language());
                    }
                    perEntry(item.label(), post("/api/v1/pages", "", "application/json", json.writeValueAsBytes(body)));
                }
                case UNSUPPORTED -> tally.rejected(item.label(), "unsupported file type (html, htm, txt, json, jsonl,"
                        + " xml/rss/atom feeds are ingested)");
            }
        } catch (IOException e) {
            tally.rejected(item.label(), "cannot read: " + e.getMessage());
        }
    }

    private void json(WorkItem item) throws IOException, FatalException, InterruptedException {
        JsonNode root;
        try {
            root = json.readTree(item.path().toFile());
        } catch (JacksonException e) {
            tally.rejected(item.label(), "not valid JSON: " + e.getOriginalMessage());
            return;
        }
        if (root != null && root.isObject() && root.path("version").asText("").contains("jsonfeed.org/version/")) {
            perEntry(item.label(), post("/api/v1/feeds", query(true, true), "application/feed+json",
                    Files.readAllBytes(item.path())));
            return;
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            tally.rejected(item.label(), "neither an article object, an array of articles nor a JSON Feed");
            return;
        }
        List<JsonNode> articles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                articles.add(root.get(i));
                labels.add(item.label() + "[" + i + "]");
            }
        } else {
            articles.add(root);
            labels.add(item.label());
        }
        pushInBatches(articles, labels);
    }

    private void jsonLines(WorkItem item) throws IOException, FatalException, InterruptedException {
        List<JsonNode> articles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> lines = Files.readAllLines(item.path(), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = item.label() + ":" + (i + 1);
            try {
                articles.add(json.readTree(line));
                labels.add(where);
            } catch (JacksonException e) {
                tally.rejected(where, "not valid JSON: " + e.getOriginalMessage());
            }
        }
        pushInBatches(articles, labels);
    }

    /** Arrays go in batches of the API's size; each result is mapped back to its file position. */
    private void pushInBatches(List<JsonNode> articles, List<String> labels)
            throws IOException, FatalException, InterruptedException {
        for (int from = 0; from < articles.size(); from += options.batchSize()) {
            int to = Math.min(articles.size(), from + options.batchSize());
            ArrayNode batch = json.createArrayNode();
            articles.subList(from, to).forEach(batch::add);
            Answer answer = post("/api/v1/articles", query(true, false), "application/json",
                    json.writeValueAsBytes(batch));
            List<String> batchLabels = labels.subList(from, to);
            JsonNode items = answer.body().path("items");
            if ((answer.status() == 202 || answer.status() == 400) && items.isArray() && items.size() == batch.size()) {
                for (int i = 0; i < items.size(); i++) {
                    record(batchLabels.get(i), items.get(i));
                }
            } else {
                String reason = problem(answer);
                batchLabels.forEach(label -> tally.rejected(label, reason));
            }
        }
    }

    /** A single-article answer (pages). */
    private void one(String label, Answer answer) {
        if (answer.status() == 202) {
            answer.body().path("ids").forEach(id -> tally.accepted(id.asText()));
        } else {
            tally.rejected(label, problem(answer));
        }
    }

    /** An answer with per-entry items (feeds, and URLs, which may turn out to be feeds). */
    private void perEntry(String label, Answer answer) {
        if (answer.status() != 202) {
            tally.rejected(label, problem(answer));
            return;
        }
        JsonNode items = answer.body().path("items");
        if (items.isEmpty()) {
            tally.rejected(label, "the feed has no entries");
        }
        for (JsonNode item : items) {
            record(label + "#" + item.path("index").asInt(), item);
        }
    }

    private void record(String where, JsonNode item) {
        if ("accepted".equals(item.path("status").asText())) {
            tally.accepted(item.path("id").asText(null));
            return;
        }
        String title = item.path("title").asText("");
        String reasons = errors(item.path("errors"));
        tally.rejected(where + (title.isEmpty() ? "" : " (" + title + ")"), reasons.isEmpty() ? "rejected" : reasons);
    }

    private static String errors(JsonNode errors) {
        List<String> parts = new ArrayList<>();
        for (JsonNode e : errors) {
            String field = e.path("field").asText("");
            parts.add((field.isEmpty() || field.startsWith("entries[") ? "" : field + ": ") + e.path("detail").asText());
        }
        return String.join("; ", parts);
    }

    private static String problem(Answer answer) {
        JsonNode body = answer.body();
        String detail = body.path("detail").asText("");
        if (detail.isEmpty()) {
            detail = errors(body.path("errors"));
        }
        return "HTTP " + answer.status() + (detail.isEmpty() ? "" : ": " + detail);
    }

    private String query(boolean file, boolean feed) {
        Map<String, String> params = new LinkedHashMap<>();
        if (file) {
            params.put("method", "file");
        }
        if (options.source() != null) {
            params.put("source", options.source());
        }
        if (options.language() != null) {
            params.put("language", options.language());
        }
        if (feed && options.fetchPages()) {
            params.put("fetchPages", "true");
        }
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private record Answer(int status, JsonNode body) {
    }

    /** POSTs; a 503 (Kafka briefly unavailable) is retried as its Retry-After says, a few times. */
    private Answer post(String path, String query, String contentType, byte[] body)
            throws FatalException, InterruptedException {
        URI uri = URI.create(api + path + (query.isEmpty() ? "" : "?" + query));
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofMinutes(5))
                        .header("X-API-Key", key)
                        .header("Content-Type", contentType)
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new FatalException("the ingest API at " + api + " is not reachable (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); is './newswire up' running?");
            }
            if (response.statusCode() == 401) {
                throw new FatalException("the ingest API at " + api + " refused the API key (HTTP 401)");
            }
            if (response.statusCode() == 503 && attempt < MAX_RETRIES) {
                long wait = response.headers().firstValue("Retry-After").map(IngestClient::seconds).orElse(2L);
                Thread.sleep(Math.min(wait, MAX_RETRY_WAIT_SECONDS) * 1000);
                continue;
            }
            JsonNode parsed;
            try {
                String text = response.body();
                parsed = text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
            } catch (IOException e) {
                parsed = json.createObjectNode().put("detail", response.body());
            }
            return new Answer(response.statusCode(), parsed);
        }
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 2;
        }
    }
}
