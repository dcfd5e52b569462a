package dev.newswire.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The client side of {@code newswire ingest}: which request each kind of input becomes, and how the API's
 * answers become the summary and the exit code. The API here is a local HTTP server answering in the
 * ingest-service's documented format (the service itself is tested against a real broker in its module).
 */
class IngestCommandTest {

    /** What the test API received. */
    record Received(String path, String query, String contentType, String apiKey, String body) {
    }

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private Path keyFile;

    @BeforeEach
    void startApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        keyFile = Files.writeString(dir.resolve("api-key"), "secret-key\n");
    }

    @AfterEach
    void stopApi() {
        server.stop(0);
    }

    /** Accepts everything except an article whose url is "bad", which it rejects naming the field. */
    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
                exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("X-API-Key"),
                body));
        String response;
        if (exchange.getRequestURI().getPath().equals("/api/v1/articles")) {
            StringBuilder items = new StringBuilder();
            int n = body.split("\\{").length - 1;
            String[] parts = body.split("\\},\\s*\\{");
            for (int i = 0; i < n; i++) {
                boolean bad = parts[i].contains("\"url\":\"bad\"");
                items.append(i == 0 ? "" : ",").append(bad
                        ? "{\"index\":" + i + ",\"status\":\"rejected\",\"errors\":[{\"field\":\"url\",\"detail\":\"must be an absolute http or https URL\"}]}"
                        : "{\"index\":" + i + ",\"status\":\"accepted\",\"id\":\"id" + i + "\"}");
            }
            response = "{\"items\":[" + items + "]}";
        } else if (exchange.getRequestURI().getPath().equals("/api/v1/feeds")) {
            response = "{\"items\":[{\"index\":0,\"status\":\"accepted\",\"id\":\"f0\"},"
                    + "{\"index\":1,\"status\":\"rejected\",\"title\":\"No body\",\"errors\":[{\"field\":\"entries[1]\","
                    + "\"detail\":\"the entry has no content and page fetching is off\"}]}]}";
        } else {
            response = "{\"ids\":[\"p1\"],\"items\":[{\"index\":0,\"status\":\"accepted\",\"id\":\"p1\"}]}";
        }
        byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(202, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void walksDirectoriesRecursivelyAndSendsEachKindToItsEndpoint() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.html"), "<html><p>A</p></html>");
        Files.writeString(Files.createDirectories(corpus.resolve("sub")).resolve("b.txt"), "B text");
        Files.writeString(corpus.resolve("sub").resolve("c.xml"), "<rss version=\"2.0\"><channel/></rss>");
        Files.writeString(corpus.resolve("d.png"), "not sent");
        Files.writeString(Files.createDirectories(corpus.resolve(".git")).resolve("e.txt"), "hidden");

        Run run = run(corpus.toString(), "https://news.example/story");

        assertThat(received).extracting(Received::path).containsExactly("/api/v1/pages", "/api/v1/pages",
                "/api/v1/feeds", "/api/v1/pages");
        assertThat(received).extracting(Received::contentType).containsExactly("text/html",
                "text/plain; charset=UTF-8", "application/xml", "application/json");
        assertThat(received.get(0).query()).isEqualTo("method=file");
        assertThat(received.get(3).query()).isNull();
        assertThat(received.get(3).body()).isEqualTo("{\"url\":\"https://news.example/story\"}");
        assertThat(received).extracting(Received::apiKey).containsOnly("secret-key");
        assertThat(run.out()).startsWith("accepted 4, rejected 1 (from 3 files and 1 URL)");
        assertThat(run.out()).contains(corpus.resolve("sub").resolve("c.xml") + "#1 (No body): the entry has no"
                + " content and page fetching is off");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void mapsTheResultsOfJsonLinesBackToTheirLines() throws Exception {
        Path file = Files.writeString(dir.resolve("articles.jsonl"), """
                {"url":"https://news.example/1","content":"one"}

                {"url":"bad","content":"two"}
                {not json
                {"url":"https://news.example/3","content":"three"}
                """);

        Run run = run("--batch-size", "2", file.toString());

        assertThat(received).hasSize(2);
        assertThat(received.get(0).body()).startsWith("[{").contains("news.example/1").contains("\"bad\"");
        assertThat(run.out()).startsWith("accepted 2, rejected 2");
        assertThat(run.out()).contains(file + ":3: url: must be an absolute http or https URL");
        assertThat(run.out()).contains(file + ":4: not valid JSON");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void exitsZeroWhenEverythingWasAccepted() throws Exception {
        Path file = Files.writeString(dir.resolve("one.json"), "{\"url\":\"https://news.example/1\",\"content\":\"x\"}");

        Run run = run("--source", "wire", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("accepted 1, rejected 0 (from 1 file)\n");
        assertThat(received.get(0).query()).isEqualTo("method=file&source=wire");
    }

    @Test
    void sendsAJsonFeedFileAsAFeed() throws Exception {
        Path file = Files.writeString(dir.resolve("feed.json"),
                "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}");

        run(file.toString());

        assertThat(received.get(0).path()).isEqualTo("/api/v1/feeds");
        assertThat(received.get(0).contentType()).isEqualTo("application/feed+json");
    }

    @Test
    void reportsAMissingPathAsRejected() throws Exception {
        Run run = run(dir.resolve("nope.txt").toString());

        assertThat(run.out()).contains("nope.txt: no such file or directory, and not an http(s) URL");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void stopsWithExitCode2WhenTheApiIsUnreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path file = Files.writeString(dir.resolve("a.txt"), "text");

        Run run = execute("--api", "http://127.0.0.1:" + closed, "--api-key-file", keyFile.toString(),
                "--no-progress", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is not reachable");
    }

    @Test
    void needsAnApiKey() throws Exception {
        Run run = execute("--api", "http://127.0.0.1:1", "--api-key-file", dir.resolve("absent").toString(), "x.txt");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no API key");
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "--api";
        all[1] = "http://127.0.0.1:" + server.getAddress().getPort();
        all[2] = "--api-key-file";
        all[3] = keyFile.toString();
        all[4] = "--no-progress";
        System.arraycopy(args, 0, all, 5, args.length);
        return execute(all);
    }

    private static Run execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new IngestCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
