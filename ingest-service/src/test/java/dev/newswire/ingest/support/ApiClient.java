package dev.newswire.ingest.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the service's HTTP API as a client would. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;

    /** An answer: status, content type, parsed JSON body (null when empty). */
    public record Answer(int status, String contentType, JsonNode json, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public ApiClient(int port, String key) {
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
    }

    public Answer post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Answer post(String path, String contentType, String body) throws IOException, InterruptedException {
        return post(path, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public Answer delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    public Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode json = body == null || body.isBlank() || !type.contains("json") ? null : JSON.readTree(body);
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), json,
                response);
    }

    /** A request with the API key. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        return key == null ? builder : builder.header("X-API-Key", key);
    }

    public static JsonMapper json() {
        return JSON;
    }
}
