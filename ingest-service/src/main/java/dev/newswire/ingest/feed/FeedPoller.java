package dev.newswire.ingest.feed;

import dev.newswire.runtime.retry.Backoff;
import dev.newswire.ingest.fetch.FetchException;
import dev.newswire.ingest.fetch.FetchRequest;
import dev.newswire.ingest.fetch.FetchResponse;
import dev.newswire.ingest.fetch.HostBusyException;
import dev.newswire.ingest.fetch.HostGate;
import dev.newswire.ingest.fetch.HttpFetcher;
import dev.newswire.ingest.fetch.LogSafe;
import dev.newswire.ingest.publish.ArticlePublisher;
import dev.newswire.ingest.publish.PublishException;
import dev.newswire.ingest.source.FeedSource;
import dev.newswire.ingest.source.RegisteredSource;
import dev.newswire.ingest.source.SourceState;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one feed source: a conditional GET with the validators the server sent last time, the new
 * entries (not in the source's seen set) turned into articles and published, and the time of the next
 * poll — the interval when all went well, exponential backoff with jitter after failures, and never
 * earlier than the host's politeness slot (which holds any {@code Retry-After}).
 */
public final class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, */*;q=0.1";

    private final HttpFetcher fetcher;
    private final HostGate hostGate;
    private final FeedParser parser;
    private final FeedArticles feedArticles;
    private final ArticlePublisher publisher;
    private final Duration maxBackoff;
    private final Duration maxHostWait;
    private final Clock clock;

    public FeedPoller(HttpFetcher fetcher, HostGate hostGate, FeedParser parser, FeedArticles feedArticles,
                      ArticlePublisher publisher, Duration maxBackoff, Duration maxHostWait, Clock clock) {
        this.fetcher = fetcher;
        this.hostGate = hostGate;
        this.parser = parser;
        this.feedArticles = feedArticles;
        this.publisher = publisher;
        this.maxBackoff = maxBackoff;
        this.maxHostWait = maxHostWait;
        this.clock = clock;
    }

    /** Polls the source once, records the outcome in its state, and returns when to poll it next. */
    public Instant poll(RegisteredSource source) throws InterruptedException {
        FeedSource feed = source.definition();
        SourceState state = source.state();
        FetchRequest request = new FetchRequest(feed.url(), ACCEPT, state.etag(), state.lastModified(), maxHostWait,
                null);
        FetchResponse response;
        try {
            response = fetcher.get(request);
        } catch (HostBusyException e) {
            state.deferred(e.getMessage());
            return schedule(source, e.retryAt());
        } catch (FetchException e) {
            log.warn("polling source {} ({}) failed: {}", feed.id(), LogSafe.url(feed.url()), e.getMessage());
            state.failed(clock.instant(), "error", e.getMessage());
            return scheduleAfterFailure(source);
        }

        Instant now = clock.instant();
        if (response.status() == 304) {
            state.notModified(now);
            return scheduleNormally(source);
        }
        if (!response.isOk()) {
            String error = "HTTP " + response.status() + (response.retryAfter() != null
                    ? ", Retry-After " + response.retryAfter().toSeconds() + " s" : "");
            log.warn("polling source {} ({}) answered {}", feed.id(), LogSafe.url(feed.url()), error);
            state.failed(now, "HTTP " + response.status(), error);
            return scheduleAfterFailure(source);
        }

        ParsedFeed parsed;
        try {
            parsed = parser.parse(response.body(), response.contentType(), response.finalUri());
        } catch (FeedParseException e) {
            log.warn("source {} ({}) is not a readable feed: {}", feed.id(), LogSafe.url(feed.url()), e.getMessage());
            state.failed(now, "error", "not a readable feed: " + e.getMessage());
            return scheduleAfterFailure(source);
        }

        List<FeedEntry> fresh = new ArrayList<>();
        for (FeedEntry entry : parsed.entries()) {
            if (!state.hasSeen(entry.dedupKey())) {
                fresh.add(entry);
            }
        }
        String sourceName = feed.name() != null ? feed.name() : parsed.title();
        List<FeedArticles.Item> items = feedArticles.toArticles(fresh, new FeedArticles.Origin(feed.id(), sourceName,
                feed.language(), feed.fetchPages(), IngestMethod.FEED));
        List<RawArticle> articles = new ArrayList<>();
        List<String> done = new ArrayList<>();
        String itemProblem = parsed.omitted() == 0 ? null : "the feed lists " + parsed.omitted()
                + " entries over the cap of " + parser.maxEntries() + "; they were not read";
        for (FeedArticles.Item item : items) {
            if (item.article() != null) {
                articles.add(item.article());
            }
            if (item.problem() != null) {
                itemProblem = item.problem();
            }
            // Entries that may do better later are not marked seen; the others are, article or not.
            if (item.article() != null || !item.retryLater()) {
                done.add(item.entry().dedupKey());
            }
        }
        try {
            publisher.publish(articles);
        } catch (PublishException e) {
            log.error("source {}: {} of {} articles not acknowledged by Kafka, the next poll retries them: {}",
                    feed.id(), e.failed().size(), articles.size(), e.getMessage());
            state.failed(clock.instant(), "error", "publishing failed: " + e.getMessage());
            return scheduleAfterFailure(source);
        }
        state.fetched(clock.instant(), response.status(), parsed.entries().size(), done, articles.size(),
                response.etag(), response.lastModified(), itemProblem);
        log.info("source {}: {} entries, {} new, {} published", feed.id(), parsed.entries().size(), fresh.size(),
                articles.size());
        return scheduleNormally(source);
    }

    /**
     * Records a poll that ended in something unforeseen (a bug, a {@link StackOverflowError}) as a failure
     * and returns when to try again, with the backoff of any other failure.
     */
    public Instant failedUnexpectedly(RegisteredSource source, Throwable e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        source.state().failed(clock.instant(), "error", "polling failed unexpectedly: "
                + (what.length() > 500 ? what.substring(0, 500) + "…" : what));
        return scheduleAfterFailure(source);
    }

    private Instant scheduleNormally(RegisteredSource source) {
        return schedule(source, clock.instant().plus(source.definition().interval()));
    }

    /** interval × 2^(failures-1), jittered, capped at the larger of the interval and the configured maximum. */
    private Instant scheduleAfterFailure(RegisteredSource source) {
        Duration interval = source.definition().interval();
        Backoff backoff = new Backoff(interval, interval.compareTo(maxBackoff) > 0 ? interval : maxBackoff);
        return schedule(source, clock.instant().plus(backoff.delay(source.state().consecutiveFailures())));
    }

    private Instant schedule(RegisteredSource source, Instant at) {
        Instant hostSlot = hostGate.nextAllowed(source.definition().url());
        Instant next = hostSlot.isAfter(at) ? hostSlot : at;
        source.state().scheduleAt(next);
        return next;
    }
}
