package dev.newswire.ingest.feed;

import static dev.newswire.ingest.support.LocalHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.ingest.fetch.AddressPolicy;
import dev.newswire.runtime.retry.Backoff;
import dev.newswire.ingest.fetch.FetchProperties;
import dev.newswire.ingest.fetch.HostGate;
import dev.newswire.ingest.fetch.HttpFetcher;
import dev.newswire.ingest.fetch.PageFetcher;
import dev.newswire.ingest.source.FeedSource;
import dev.newswire.ingest.source.RegisteredSource;
import dev.newswire.ingest.source.SourceProperties;
import dev.newswire.ingest.source.SourceRegistry;
import dev.newswire.ingest.source.SourceSpec;
import dev.newswire.ingest.support.LocalHttpServer;
import dev.newswire.ingest.support.RecordingPublisher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scheduler keeps polling every source, whatever one poll throws. */
class FeedSchedulerTest {

    private final Clock clock = Clock.systemUTC();
    private final LocalHttpServer server = new LocalHttpServer();
    private FeedScheduler scheduler;

    FeedSchedulerTest() throws Exception {
    }

    @AfterEach
    void tearDown() {
        if (scheduler != null) {
            scheduler.stop();
        }
        server.close();
    }

    @Test
    void aStackOverflowInOnePollIsShownInTheSourcesStatusAndTheSourceIsPolledAgain() throws Exception {
        server.on("/feed.xml", exchange -> respond(exchange, 200, "application/rss+xml", "<rss/>"));
        FeedParser exploding = new FeedParser() {
            @Override
            public ParsedFeed parse(byte[] body, String contentType, URI location) {
                throw new StackOverflowError("deep document");
            }
        };
        SourceProperties sources = new SourceProperties();
        sources.setMinInterval(Duration.ofMillis(50));
        SourceRegistry registry = new SourceRegistry(sources);
        RegisteredSource source = registry.add(new SourceSpec("deep", "Deep", server.uri("/feed.xml").toString(),
                "PT0.05S", false, null, true), FeedSource.Origin.API);
        scheduler = new FeedScheduler(registry, poller(exploding), 1, clock);

        scheduler.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> server.requests("/feed.xml").size() >= 3);
        assertThat(source.state().snapshot().lastStatus()).isEqualTo("error");
        assertThat(source.state().snapshot().lastError())
                .isEqualTo("polling failed unexpectedly: StackOverflowError: deep document");
        assertThat(source.state().snapshot().consecutiveFailures()).isGreaterThanOrEqualTo(2);
    }

    private FeedPoller poller(FeedParser parser) {
        FetchProperties properties = new FetchProperties();
        properties.setAllowedAddresses(List.of("127.0.0.1/32"));
        properties.setMinHostInterval(Duration.ZERO);
        properties.setMaxHostWait(Duration.ofSeconds(1));
        HostGate gate = new HostGate(Duration.ZERO, new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)),
                properties.getMaxRetryAfter(), clock);
        HttpFetcher fetcher = new HttpFetcher(properties, new AddressPolicy(properties.getAllowedAddresses()), gate,
                clock);
        return new FeedPoller(fetcher, gate, parser, new FeedArticles(new PageFetcher(fetcher, null), clock,
                Duration.ofSeconds(1)), new RecordingPublisher(), Duration.ofMillis(100), Duration.ofSeconds(1), clock);
    }
}
