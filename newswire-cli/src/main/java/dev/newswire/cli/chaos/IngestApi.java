package dev.newswire.cli.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The ingest API as the suite drives it: batches of articles, pages, feeds, and requests spelled byte by byte. */
final class IngestApi {

    /** Enough for the answer to a capped feed: one item of JSON per entry. */
    private static final int MAX_BODY_IN_ANSWER = 16 * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;
    private final String key;

    IngestApi(int port, String key) {
        this.port = port;
        this.key = key;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    String key() {
        return key;
    }

    /** An article of the push API with its page as {@code html}. */
    ObjectNode article(String url, String html) {
        ObjectNode a = json.createObjectNode();
        a.put("url", url);
        a.put("html", html);
        a.put("source", "chaos");
        a.put("sourceName", "Newswire fault suite");
        return a;
    }

    Answer push(List<ObjectNode> articles, Duration timeout) {
        ArrayNode batch = json.createArrayNode();
        articles.forEach(batch::add);
        try {
            return post("/api/v1/articles", "application/json", json.writeValueAsBytes(batch), Map.of(), timeout);
        } catch (IOException e) {
            return Answer.failed(e);
        }
    }

    /** POST with the API key. */
    Answer post(String path, String contentType, byte[] body, Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(timeout)
                .header("Content-Type", contentType).header("X-API-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /**
     * POST with the API key and a chunked body of {@code bytes} bytes, written on one thread while the answer is
     * read on another: a server that refuses the body early answers and closes while the client still writes,
     * and that answer is what counts.
     */
    Answer postChunked(String path, String contentType, InputStream body, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                    + "Content-Type: " + contentType + "\r\nX-API-Key: " + key + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                try (body) {
                    for (int n; (n = body.read(chunk)) > 0; ) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(chunk, 0, n);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException e) {
                    // The server stopped reading: its answer says why.
                }
            }, "chaos-chunked-body");
            writer.setDaemon(true);
            writer.start();
            Answer answer = parse(socket.getInputStream().readNBytes(MAX_BODY_IN_ANSWER));
            writer.join(timeout.toMillis());
            return answer;
        } catch (IOException e) {
            return Answer.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed(e);
        }
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(MAX_BODY_IN_ANSWER), StandardCharsets.UTF_8);
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), body,
                    null);
        } catch (IOException e) {
            return Answer.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed(e);
        }
    }

    /**
     * A request written to the socket exactly as given: request line, headers and body are bytes, so that
     * paths and header values no client library would send (encoded or matrix path segments, a byte that is
     * not ASCII in a header) reach the server as an attacker sends them.
     */
    Answer raw(String method, String rawPath, List<String> headerLines, byte[] headerBytesExtra, byte[] body,
               Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout((int) timeout.toMillis());
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((method + " " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (String line : headerLines) {
                head.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            if (headerBytesExtra != null) {
                head.writeBytes(headerBytesExtra);
                head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            head.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            out.write(head.toByteArray());
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readNBytes(MAX_BODY_IN_ANSWER));
        } catch (IOException e) {
            return Answer.failed(e);
        }
    }

    private static Answer parse(byte[] response) {
        String text = new String(response, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        int status = 0;
        if (lines.length > 0 && lines[0].startsWith("HTTP/")) {
            String[] parts = lines[0].split(" ");
            status = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        }
        String contentType = null;
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).strip();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        String body = end < 0 ? "" : text.substring(end + 4);
        if (chunked) {
            body = dechunk(body);
        }
        return new Answer(status, contentType, body, status == 0 ? "no HTTP answer" : null);
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(body.substring(i, eol).split(";")[0].strip(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int start = eol + 2;
            // Sizes are in bytes and the text is decoded: good enough for a problem's JSON, which is ASCII here.
            out.append(body, start, Math.min(body.length(), start + size));
            i = start + size + 2;
        }
        return out.toString();
    }
}
