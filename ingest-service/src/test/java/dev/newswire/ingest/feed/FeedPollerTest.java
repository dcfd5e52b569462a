package dev.newswire.ingest.feed;

import static dev.newswire.ingest.support.LocalHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.ingest.fetch.AddressPolicy;
import dev.newswire.runtime.retry.Backoff;
import dev.newswire.ingest.fetch.FetchProperties;
import dev.newswire.ingest.fetch.HostGate;
import dev.newswire.ingest.fetch.HttpFetcher;
import dev.newswire.ingest.fetch.PageFetcher;
import dev.newswire.ingest.fetch.RobotsPolicy;
import dev.newswire.ingest.source.FeedSource;
import dev.newswire.ingest.source.RegisteredSource;
import dev.newswire.ingest.source.SourceState;
import dev.newswire.ingest.support.LocalHttpServer;
import dev.newswire.ingest.support.RecordingPublisher;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Polling against a real HTTP server on the loopback (allowed here by the SSRF allow-list). */
class FeedPollerTest {

    private static final String LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT";

    private LocalHttpServer server;
    private RecordingPublisher publisher;
    private HostGate gate;
    private FeedPoller poller;
    private HttpFetcher fetcher;
    private PageFetcher pages;
    private final Clock clock = Clock.systemUTC();

    @BeforeEach
    void setUp() throws Exception {
        server = new LocalHttpServer();
        FetchProperties properties = new FetchProperties();
        properties.setAllowedAddresses(List.of("127.0.0.1/32"));
        properties.setMinHostInterval(Duration.ZERO);
        properties.setInitialBackoff(Duration.ofMillis(20));
        properties.setMaxBackoff(Duration.ofMillis(100));
        properties.setResponseTimeout(Duration.ofSeconds(1));
        properties.setTotalTimeout(Duration.ofSeconds(2));
        properties.setMaxHostWait(Duration.ofSeconds(1));
        properties.setMaxBodySize(DataSize.ofKilobytes(64));
        gate = new HostGate(properties.getMinHostInterval(),
                new Backoff(properties.getInitialBackoff(), properties.getMaxBackoff()), properties.getMaxRetryAfter(),
                clock);
        fetcher = new HttpFetcher(properties, new AddressPolicy(properties.getAllowedAddresses()), gate,
                clock);
        pages = new PageFetcher(fetcher, new RobotsPolicy(fetcher, properties, clock));
        publisher = new RecordingPublisher();
        poller = new FeedPoller(fetcher, gate, new FeedParser(), new FeedArticles(pages, clock, Duration.ofSeconds(1)),
                publisher, Duration.ofSeconds(10), properties.getMaxHostWait(), clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        fetcher.close();
        server.close();
    }

    @Test
    void sendsTheServersOwnValidatorsBackAndPublishesNothingOn304() throws Exception {
        server.on("/feed.xml", exchange -> {
            String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
            String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            if ("\"v1\"".equals(etag) && LAST_MODIFIED.equals(since)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
            respond(exchange, 200, "application/rss+xml", rss(item("a"), item("b")));
        });
        RegisteredSource source = source("/feed.xml", false);

        poller.poll(source);
        poller.poll(source);

        List<LocalHttpServer.Received> requests = server.requests("/feed.xml");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).header("If-None-Match")).isNull();
        assertThat(requests.get(0).header("If-Modified-Since")).isNull();
        assertThat(requests.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(requests.get(1).header("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
        assertThat(publisher.published).extracting(RawArticle::feedTitle).containsExactly("Item a", "Item b");
        assertThat(source.state().snapshot().lastStatus()).isEqualTo("304 not modified");
        assertThat(source.state().snapshot().itemsNew()).isZero();
    }

    @Test
    void sendsNoInventedValidatorWhenTheServerGaveNone() throws Exception {
        server.on("/feed.xml", exchange -> respond(exchange, 200, "application/rss+xml", rss(item("a"))));
        RegisteredSource source = source("/feed.xml", false);

        poller.poll(source);
        poller.poll(source);

        LocalHttpServer.Received second = server.requests("/feed.xml").get(1);
        assertThat(second.header("If-None-Match")).isNull();
        assertThat(second.header("If-Modified-Since")).isNull();
    }

    @Test
    void publishesOnlyTheItemsItHasNotSeen() throws Exception {
        String[] feed = {rss(item("a"), item("b"))};
        server.on("/feed.xml", exchange -> respond(exchange, 200, "application/rss+xml", feed[0]));
        RegisteredSource source = source("/feed.xml", false);

        poller.poll(source);
        feed[0] = rss(item("c"), item("a"), item("b"));
        poller.poll(source);

        assertThat(publisher.published).extracting(RawArticle::feedTitle)
                .containsExactly("Item a", "Item b", "Item c");
        RawArticle c = publisher.published.get(2);
        assertThat(c.id()).isEqualTo(ArticleIds.forUrl("https://news.example/c"));
        assertThat(c.ingestMethod()).isEqualTo(IngestMethod.FEED);
        assertThat(c.sourceId()).isEqualTo("test-feed");
        assertThat(c.publishedAt()).isEqualTo(Instant.parse("2025-11-20T10:00:00Z"));
        assertThat(c.language()).isEqualTo("en");
        assertThat(source.state().snapshot().itemsNew()).isEqualTo(1);
        assertThat(source.state().snapshot().itemsSeen()).isEqualTo(3);
    }

    @Test
    void honoursRetryAfterOn429AndAsksNothingBeforeThen() throws Exception {
        server.on("/feed.xml", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "30");
            respond(exchange, 429, "text/plain", "slow down");
        });
        RegisteredSource source = source("/feed.xml", false);

        Instant before = clock.instant();
        Instant next = poller.poll(source);
        Instant again = poller.poll(source);

        assertThat(next).isAfterOrEqualTo(before.plusSeconds(30));
        assertThat(again).isAfterOrEqualTo(before.plusSeconds(30));
        assertThat(server.requests("/feed.xml")).hasSize(1);
        assertThat(source.state().snapshot().lastStatus()).isEqualTo("waiting");
    }

    @Test
    void backsOffExponentiallyWithJitterAfterServerErrorsAndRecovers() throws Exception {
        boolean[] healthy = {false};
        server.on("/feed.xml", exchange -> {
            if (healthy[0]) {
                respond(exchange, 200, "application/rss+xml", rss(item("a")));
            } else {
                respond(exchange, 503, "text/plain", "down");
            }
        });
        RegisteredSource source = source("/feed.xml", false); // interval 1 s

        for (int failure = 1; failure <= 3; failure++) {
            Instant before = clock.instant();
            Instant next = poller.poll(source);
            Instant after = clock.instant();
            long ceiling = 1000L << (failure - 1);
            assertThat(source.state().consecutiveFailures()).isEqualTo(failure);
            assertThat(next).as("failure %d", failure)
                    .isBetween(before.plusMillis(ceiling / 2), after.plusMillis(ceiling));
        }
        assertThat(source.state().snapshot().lastError()).isEqualTo("HTTP 503");

        healthy[0] = true;
        Instant before = clock.instant();
        Instant next = poller.poll(source);
        assertThat(source.state().consecutiveFailures()).isZero();
        assertThat(next).isBetween(before.plusSeconds(1), clock.instant().plusSeconds(1));
        assertThat(publisher.published).hasSize(1);
    }

    @Test
    void followsRedirects() throws Exception {
        server.on("/old", exchange -> {
            exchange.getResponseHeaders().set("Location", "/feed.xml");
            exchange.sendResponseHeaders(301, -1);
        });
        server.on("/feed.xml", exchange -> respond(exchange, 200, "application/rss+xml", rss(item("a"))));

        poller.poll(source("/old", false));

        assertThat(server.requests("/feed.xml")).hasSize(1);
        assertThat(publisher.published).hasSize(1);
    }

    @Test
    void refusesARedirectToTheCloudMetadataAddress() throws Exception {
        server.on("/feed.xml", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
        });
        RegisteredSource source = source("/feed.xml", false);

        poller.poll(source);

        assertThat(source.state().snapshot().lastError())
                .isEqualTo("refusing to fetch 169.254.169.254: it resolves to the non-public address 169.254.169.254");
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void stopsAfterTheRedirectCap() throws Exception {
        server.on("/loop", exchange -> {
            exchange.getResponseHeaders().set("Location", "/loop");
            exchange.sendResponseHeaders(302, -1);
        });
        RegisteredSource source = source("/loop", false);

        poller.poll(source);

        assertThat(server.requests("/loop")).hasSize(6); // the request and 5 redirects
        assertThat(source.state().snapshot().lastError()).startsWith("more than 5 redirects");
    }

    @Test
    void cutsOffABodyThatStallsHalfway() throws Exception {
        server.on("/feed.xml", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 10_000);
            OutputStream out = exchange.getResponseBody();
            out.write("<rss version=\"2.0\"><channel>".getBytes());
            out.flush();
            server.stall();
        });
        RegisteredSource source = source("/feed.xml", false);

        poller.poll(source);

        assertThat(source.state().snapshot().lastError()).startsWith("no data from").endsWith("for 1 s");
    }

    @Test
    void givesUpOnAServerThatSendsNoHeaders() throws Exception {
        server.on("/feed.xml", exchange -> server.stall());
        RegisteredSource source = source("/feed.xml", false);

        poller.poll(source);

        assertThat(source.state().snapshot().lastError()).startsWith("no data from");
    }

    @Test
    void refusesABodyOverTheSizeCapWhileReadingIt() throws Exception {
        server.on("/feed.xml", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0); // chunked: no length to refuse early
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(rss(item("a".repeat(100_000))).getBytes());
            }
        });
        RegisteredSource source = source("/feed.xml", false);

        poller.poll(source);

        assertThat(source.state().snapshot().lastError()).endsWith("exceeds 65536 bytes (after decompression)");
    }

    @Test
    void fetchesEachNewItemsPageAndObeysRobotsTxt() throws Exception {
        server.on("/robots.txt", exchange -> respond(exchange, 200, "text/plain",
                "User-agent: *\nDisallow: /private/\n"));
        server.on("/news/1", exchange -> respond(exchange, 200, "text/html; charset=utf-8",
                "<html><body><p>The full story.</p></body></html>"));
        String base = server.uri("").toString();
        server.on("/feed.xml", exchange -> respond(exchange, 200, "application/rss+xml",
                rss(item("one", base + "/news/1"), item("two", base + "/private/2"))));

        poller.poll(source("/feed.xml", true));

        assertThat(publisher.published).hasSize(2);
        assertThat(publisher.published.get(0).content()).isEqualTo("<html><body><p>The full story.</p></body></html>");
        assertThat(publisher.published.get(0).contentType()).isEqualTo("text/html");
        assertThat(publisher.published.get(1).content()).isEqualTo("Summary of two");
        assertThat(server.requests("/private/2")).isEmpty();
    }

    @Test
    void entriesLeftWhenThePageBudgetIsSpentAreTakenAtTheNextPoll() throws Exception {
        server.on("/news/1", exchange -> respond(exchange, 200, "text/html", "<p>one</p>"));
        String base = server.uri("").toString();
        server.on("/feed.xml", exchange -> respond(exchange, 200, "application/rss+xml",
                rss(item("one", base + "/news/1"))));
        FeedPoller spent = new FeedPoller(fetcher, gate, new FeedParser(),
                new FeedArticles(pages, clock, Duration.ofSeconds(1), Duration.ZERO), publisher,
                Duration.ofSeconds(10), Duration.ofSeconds(1), clock);
        RegisteredSource source = source("/feed.xml", true);

        spent.poll(source);

        assertThat(publisher.published).isEmpty();
        assertThat(server.requests("/news/1")).isEmpty();
        assertThat(source.state().snapshot().lastError())
                .isEqualTo("the time for fetching this feed's pages (0 s) is spent; the entry is taken at the next poll");
        assertThat(source.state().snapshot().itemsSeen()).isZero();

        poller.poll(source);

        assertThat(publisher.published).extracting(RawArticle::content).containsExactly("<p>one</p>");
    }

    private RegisteredSource source(String path, boolean fetchPages) {
        URI url = server.uri(path);
        return new RegisteredSource(new FeedSource("test-feed", "Test feed", url, Duration.ofSeconds(1), fetchPages,
                null, true, FeedSource.Origin.API), new SourceState(100));
    }

    private static String item(String name) {
        return item(name, "https://news.example/" + name);
    }

    private static String item(String name, String link) {
        return "<item><title>Item " + name + "</title><link>" + link + "</link><guid>" + link + "</guid>"
                + "<pubDate>Thu, 20 Nov 2025 10:00:00 GMT</pubDate><description>Summary of " + name
                + "</description></item>";
    }

    private static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Test</title>"
                + "<link>https://news.example/</link><language>en-us</language>" + String.join("", items)
                + "</channel></rss>";
    }
}
