package dev.newswire.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.ingest.support.LocalHttpServer;
import dev.newswire.runtime.retry.Backoff;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The fetcher against a real HTTP server on the loopback: SSRF, proxies, bombs and servers that never end. */
class HttpFetcherTest {

    private static final Duration WAIT = Duration.ofSeconds(1);

    private final LocalHttpServer server = new LocalHttpServer();
    private final Clock clock = Clock.systemUTC();
    private HttpFetcher fetcher;

    HttpFetcherTest() throws Exception {
    }

    @AfterEach
    void tearDown() throws Exception {
        if (fetcher != null) {
            fetcher.close();
        }
        server.close();
    }

    private HttpFetcher fetcher(String... allowed) {
        FetchProperties properties = new FetchProperties();
        properties.setAllowedAddresses(List.of(allowed));
        properties.setMinHostInterval(Duration.ZERO);
        properties.setResponseTimeout(Duration.ofMillis(800));
        properties.setTotalTimeout(Duration.ofSeconds(2));
        properties.setMaxBodySize(DataSize.ofKilobytes(64));
        fetcher = new HttpFetcher(properties, new AddressPolicy(properties.getAllowedAddresses()),
                new HostGate(Duration.ZERO, new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)),
                        Duration.ofSeconds(1), clock), clock);
        return fetcher;
    }

    private FetchResponse get(HttpFetcher fetcher, URI uri) throws Exception {
        return fetcher.get(FetchRequest.get(uri, "*/*", WAIT));
    }

    @Test
    void theNameIsResolvedByThePolicyThatConnects() throws Exception {
        server.on("/page", exchange -> LocalHttpServer.respond(exchange, 200, "text/plain", "hello"));
        URI byName = URI.create("http://localhost:" + server.port() + "/page");

        assertThat(new String(get(fetcher("127.0.0.1/32", "::1/128"), byName).body())).isEqualTo("hello");
        fetcher.close();
        assertThatThrownBy(() -> get(fetcher(), byName)).isInstanceOf(FetchException.class)
                .hasMessageStartingWith("refusing to fetch localhost: it resolves to the non-public address")
                .extracting(e -> ((FetchException) e).kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS);
        assertThat(server.requests("/page")).hasSize(1);
    }

    @Test
    void aRedirectToAnotherLoopbackAddressIsRefusedAtConnect() throws Exception {
        server.on("/start", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://127.0.0.2:" + server.port() + "/inside");
            exchange.sendResponseHeaders(302, -1);
        });

        assertThatThrownBy(() -> get(fetcher("127.0.0.1/32"), server.uri("/start")))
                .hasMessage("refusing to fetch 127.0.0.2: it resolves to the non-public address 127.0.0.2");
        assertThat(server.requests("/inside")).isEmpty();
    }

    @Test
    void ipv4MappedAndCompatibleSpellingsOfTheLoopbackAreRefused() {
        HttpFetcher f = fetcher();
        for (String host : List.of("[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::127.0.0.1]", "[::1]", "0x7f.1",
                "2130706433", "[::ffff:169.254.169.254]")) {
            URI uri = URI.create("http://" + host + ":" + server.port() + "/");
            assertThatThrownBy(() -> get(f, uri)).as(host).isInstanceOf(FetchException.class)
                    .extracting(e -> ((FetchException) e).kind())
                    .isIn(FetchException.Kind.BLOCKED_ADDRESS, FetchException.Kind.UNKNOWN_HOST,
                            FetchException.Kind.BAD_URL);
        }
        assertThat(server.requests("/")).isEmpty();
    }

    @Test
    void noProxyIsTakenFromTheEnvironment() throws Exception {
        LocalHttpServer proxy = new LocalHttpServer();
        proxy.on("/", exchange -> LocalHttpServer.respond(exchange, 200, "text/plain", "from the proxy"));
        server.on("/page", exchange -> LocalHttpServer.respond(exchange, 200, "text/plain", "direct"));
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", String.valueOf(proxy.port()));
        try {
            assertThat(new String(get(fetcher("127.0.0.1/32"), server.uri("/page")).body())).isEqualTo("direct");
        } finally {
            System.clearProperty("http.proxyHost");
            System.clearProperty("http.proxyPort");
            proxy.close();
        }
        assertThat(proxy.requests("/")).isEmpty();
    }

    @Test
    void aGzipBombStopsAtTheCapOfDecodedBytes() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 100; i++) {
                gzip.write(zeros);   // 100 MiB of zeros: about 100 KiB compressed
            }
        }
        server.on("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, compressed.size());
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(compressed.toByteArray());
            }
        });

        assertThatThrownBy(() -> get(fetcher("127.0.0.1/32"), server.uri("/bomb")))
                .hasMessageEndingWith("exceeds 65536 bytes (after decompression)");
    }

    @Test
    void aGzippedPageIsDecoded() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write("<p>compressed</p>".getBytes());
        }
        server.on("/gz", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, compressed.size());
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(compressed.toByteArray());
            }
        });

        assertThat(new String(get(fetcher("127.0.0.1/32"), server.uri("/gz")).body())).isEqualTo("<p>compressed</p>");
    }

    @Test
    void aBodyThatNeverEndsStopsAtTheCap() throws Exception {
        server.on("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            byte[] chunk = new byte[8192];
            while (true) {
                out.write(chunk);
            }
        });

        assertThatThrownBy(() -> get(fetcher("127.0.0.1/32"), server.uri("/endless")))
                .hasMessageEndingWith("exceeds 65536 bytes (after decompression)");
    }

    @Test
    void aSlowDripIsCutOffAtTheTotalTimeout() throws Exception {
        CountDownLatch fetchOver = new CountDownLatch(1);
        server.on("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            // One byte every 100 ms, never idle for the 800 ms response timeout, until the fetch is over.
            do {
                out.write('x');
                out.flush();
            } while (!fetchOver.await(100, TimeUnit.MILLISECONDS));
        });
        long start = System.nanoTime();

        try {
            assertThatThrownBy(() -> get(fetcher("127.0.0.1/32"), server.uri("/drip")))
                    .hasMessage("no complete answer from " + server.uri("/drip") + " within 2 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            fetchOver.countDown();
        }
    }

    @Test
    void credentialsInTheUrlNeverReachTheMessage() {
        URI secret = URI.create("http://user:s3cret@127.0.0.2:" + server.port() + "/feed?token=t0ken&x=1");

        assertThatThrownBy(() -> get(fetcher(), secret)).satisfies(e -> {
            assertThat(e.getMessage()).doesNotContain("s3cret").doesNotContain("t0ken");
        });
        assertThat(LogSafe.url(secret)).isEqualTo("http://127.0.0.2:" + server.port() + "/feed?token=***&x=***");
    }
}
