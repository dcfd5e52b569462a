package dev.newswire.ingest.intake;

import dev.newswire.ingest.feed.FeedArticles;
import dev.newswire.ingest.feed.FeedParseException;
import dev.newswire.ingest.feed.FeedParser;
import dev.newswire.ingest.feed.ParsedFeed;
import dev.newswire.ingest.fetch.FetchException;
import dev.newswire.ingest.fetch.FetchProperties;
import dev.newswire.ingest.fetch.FetchedPage;
import dev.newswire.ingest.fetch.HtmlHints;
import dev.newswire.ingest.fetch.PageFetcher;
import dev.newswire.ingest.publish.ArticlePublisher;
import dev.newswire.ingest.publish.PublishException;
import dev.newswire.ingest.publish.RawArticles;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import dev.newswire.runtime.text.TextDecoding;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.newswire.ingest.intake.IngestRejection.Reason;
import tools.jackson.databind.JsonNode;

/**
 * The ingest use cases, between the HTTP API and the publisher: validate, fetch where a URL is to be
 * fetched, build raw articles, publish them and answer only after Kafka acknowledged them. Each request's
 * accepted items are published together, so a batch's records are in flight at once. It knows no HTTP: a
 * refusal is an {@link IngestRejection}, which the API renders as problem details.
 */
public final class Intake {

    private final PushArticleReader reader;
    private final int maxBatchSize;
    private final PageFetcher pages;
    private final FeedParser feedParser;
    private final FeedArticles feedArticles;
    private final ArticlePublisher publisher;
    private final Duration maxHostWait;
    private final Clock clock;

    public Intake(int maxBatchSize, int maxTitleLength, int maxSummaryLength, FetchProperties fetch, PageFetcher pages, FeedParser feedParser,
                  FeedArticles feedArticles, ArticlePublisher publisher, Clock clock) {
        this.reader = new PushArticleReader(maxTitleLength, maxSummaryLength);
        this.maxBatchSize = maxBatchSize;
        this.pages = pages;
        this.feedParser = feedParser;
        this.feedArticles = feedArticles;
        this.publisher = publisher;
        this.maxHostWait = fetch.getMaxHostWait();
        this.clock = clock;
    }

    /**
     * {@code POST /api/v1/articles}: one JSON object, or the items of an array answered per item.
     *
     * @param items the article, or the batch's elements (the API checked their number)
     * @param batch whether the body was an array
     */
    public IngestResponse pushArticles(List<JsonNode> items, boolean batch, IngestMethod method)
            throws InterruptedException {
        String defaultSource = method == IngestMethod.FILE ? "file" : "push";
        if (batch) {
            return pushBatch(items, method, defaultSource);
        }
        PushArticleReader.Result result = reader.read(items.get(0), defaultSource);
        if (!result.ok()) {
            Reason reason = result.tooLarge() ? Reason.TOO_LARGE : Reason.INVALID;
            throw new IngestRejection(reason, result.tooLarge() ? "too-large" : "invalid-article",
                    result.tooLarge() ? "Payload Too Large" : "Invalid Article", summary(result.problems()),
                    result.problems(), null, null);
        }
        RawArticle article = toRawArticle(result.article(), method);
        publish(List.of(article));
        return IngestResponse.of(List.of(IngestResponse.Item.accepted(0, article.id(), article.url(),
                article.feedTitle())));
    }

    private IngestResponse pushBatch(List<JsonNode> array, IngestMethod method, String defaultSource)
            throws InterruptedException {
        if (array.isEmpty()) {
            throw IngestRejection.field(Reason.INVALID, "invalid-article", "Invalid Article", "body",
                    "the batch is empty");
        }
        if (array.size() > maxBatchSize) {
            throw new IngestRejection(Reason.TOO_LARGE, "batch-too-large", "Batch Too Large",
                    "body: a batch holds at most " + maxBatchSize + " articles, this one "
                            + array.size(), FieldProblem.one("body", "a batch holds at most " + maxBatchSize
                            + " articles, this one " + array.size()), Map.of("maxBatchSize", maxBatchSize),
                    null);
        }
        List<IngestResponse.Item> items = new ArrayList<>(array.size());
        List<RawArticle> articles = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            PushArticleReader.Result result = reader.read(array.get(i), defaultSource);
            String url = array.get(i).isObject() && array.get(i).path("url").isString()
                    ? array.get(i).get("url").asString() : null;
            if (!result.ok()) {
                items.add(IngestResponse.Item.rejected(i, url, null, result.problems()));
                continue;
            }
            try {
                RawArticle article = toRawArticle(result.article(), method);
                articles.add(article);
                items.add(IngestResponse.Item.accepted(i, article.id(), article.url(), article.feedTitle()));
            } catch (IngestRejection e) {
                items.add(IngestResponse.Item.rejected(i, url, null, e.errors()));
            }
        }
        publish(articles);
        IngestResponse response = IngestResponse.of(items);
        if (response.accepted() == 0) {
            throw new IngestRejection(Reason.INVALID, "invalid-article", "Invalid Articles",
                    "none of the " + items.size() + " articles was accepted; see items", null,
                    Map.of("items", items), null);
        }
        return response;
    }

    /** A pushed article as a raw article; a URL-only article is fetched first. */
    private RawArticle toRawArticle(PushArticle a, IngestMethod method) throws InterruptedException {
        Instant now = clock.instant();
        if (a.content() != null) {
            return pushed(a, method, now).content(a.contentType(), a.content()).build();
        }
        FetchedPage page = fetch(a.url(), "url");
        if (page.kind() != FetchedPage.Kind.HTML && page.kind() != FetchedPage.Kind.TEXT) {
            throw notAPage(page, "url");
        }
        return pushed(a, method, now).content(contentType(page), RawArticles.capped(page.text())).build();
    }

    private static RawArticles.Draft pushed(PushArticle a, IngestMethod method, Instant now) {
        return RawArticles.draft(method, now)
                .url(a.url())
                .source(a.sourceId(), a.sourceName())
                .publishedAt(a.publishedAt())
                .hints(a.title(), a.summary())
                .language(a.language());
    }

    private static String contentType(FetchedPage page) {
        return page.kind() == FetchedPage.Kind.HTML ? "text/html" : "text/plain";
    }

    /**
     * {@code POST /api/v1/pages} with the page in the body. An HTML page sent without {@code ?url=} takes the
     * URL it declares ({@code <link rel="canonical">}, {@code og:url}), so that it gets the id it would get
     * when fetched.
     */
    public IngestResponse ingestPageBody(byte[] body, String contentType, String url, IngestOptions options)
            throws InterruptedException {
        if (body == null || body.length == 0) {
            throw IngestRejection.field(Reason.INVALID, "invalid-page", "Invalid Page", "body", "is empty");
        }
        String mediaType = TextDecoding.mediaType(contentType);
        boolean html = !"text/plain".equals(mediaType);
        String text = TextDecoding.decode(body, contentType, html);
        if (text.isBlank()) {
            throw IngestRejection.field(Reason.INVALID, "invalid-page", "Invalid Page", "body", "is blank");
        }
        if (text.length() > RawArticle.MAX_CONTENT_CHARS) {
            throw IngestRejection.field(Reason.TOO_LARGE, "too-large", "Payload Too Large", "body",
                    "is longer than " + RawArticle.MAX_CONTENT_CHARS + " characters");
        }
        if (!RawArticles.fits(text)) {
            throw IngestRejection.field(Reason.TOO_LARGE, "too-large", "Payload Too Large", "body",
                    "is longer than " + RawArticles.MAX_CONTENT_JSON_BYTES + " bytes as JSON, the most a raw event holds");
        }
        checkUrl(url, "url");
        if (url == null && html) {
            url = HtmlHints.canonicalUrl(text);
        }
        String defaultSource = options.method() == IngestMethod.FILE ? "file"
                : url != null ? hostOf(url) : "push";
        RawArticle article = draft(options, url == null ? null : url.strip(), defaultSource)
                .content(html ? "text/html" : "text/plain", text)
                .build();
        publish(List.of(article));
        return IngestResponse.of(List.of(IngestResponse.Item.accepted(0, article.id(), article.url(),
                article.feedTitle())));
    }

    /** {@code POST /api/v1/pages} with a URL: fetched; a URL that turns out to be a feed is ingested as one. */
    public IngestResponse fetchPage(String url, IngestOptions options) throws InterruptedException {
        checkUrl(url, "url");
        if (url == null) {
            throw IngestRejection.field(Reason.INVALID, "invalid-url", "Invalid URL", "url", "is required");
        }
        FetchedPage page = fetch(url.strip(), "url");
        if (page.kind() == FetchedPage.Kind.FEED) {
            return ingestFeed(page.body(), page.contentType(), page.finalUri(), options, url.strip());
        }
        if (page.kind() == FetchedPage.Kind.OTHER) {
            throw notAPage(page, "url");
        }
        String host = page.finalUri().getHost();
        RawArticle article = draft(options, url.strip(), host)
                .content(contentType(page), RawArticles.capped(page.text()))
                .build();
        publish(List.of(article));
        return IngestResponse.of(List.of(IngestResponse.Item.accepted(0, article.id(), article.url(),
                article.feedTitle())));
    }

    /** {@code POST /api/v1/feeds} with the feed document in the body. */
    public IngestResponse ingestFeedBody(byte[] body, String contentType, IngestOptions options)
            throws InterruptedException {
        if (body == null || body.length == 0) {
            throw IngestRejection.field(Reason.INVALID, "invalid-feed", "Invalid Feed", "body", "is empty");
        }
        return ingestFeed(body, contentType, null, options, null);
    }

    /** {@code POST /api/v1/feeds} with a URL: fetched once, its entries published. */
    public IngestResponse fetchFeed(String url, IngestOptions options) throws InterruptedException {
        if (url == null) {
            throw IngestRejection.field(Reason.INVALID, "invalid-url", "Invalid URL", "url", "is required");
        }
        checkUrl(url, "url");
        FetchedPage page = fetch(url.strip(), "url");
        return ingestFeed(page.body(), page.contentType(), page.finalUri(), options, url.strip());
    }

    private IngestResponse ingestFeed(byte[] body, String contentType, URI location, IngestOptions options,
                                      String url) throws InterruptedException {
        ParsedFeed feed;
        try {
            feed = feedParser.parse(body, contentType, location);
        } catch (FeedParseException e) {
            throw IngestRejection.field(Reason.UNPROCESSABLE, "invalid-feed", "Invalid Feed",
                    url != null ? "url" : "body", e.getMessage());
        }
        String fallbackId = options.method() == IngestMethod.FILE ? "file"
                : location != null ? location.getHost() : feed.title() != null ? feed.title() : "feed";
        String name = options.sourceName() != null ? options.sourceName()
                : options.source() != null ? options.source() : feed.title() != null ? feed.title() : fallbackId;
        IngestMethod method = options.method() == IngestMethod.FILE ? IngestMethod.FILE : IngestMethod.FEED;
        List<FeedArticles.Item> converted = feedArticles.toArticles(feed.entries(), new FeedArticles.Origin(
                sourceId(options, fallbackId), name, options.language() != null ? options.language() : feed.language(),
                options.fetchPages(), method));
        List<IngestResponse.Item> items = new ArrayList<>();
        List<RawArticle> articles = new ArrayList<>();
        for (int i = 0; i < converted.size(); i++) {
            FeedArticles.Item item = converted.get(i);
            if (item.article() == null) {
                items.add(IngestResponse.Item.rejected(i, item.entry().link(), item.entry().title(),
                        FieldProblem.one("entries[" + i + "]", item.problem())));
            } else {
                articles.add(item.article());
                items.add(IngestResponse.Item.accepted(i, item.article().id(), item.article().url(),
                        item.entry().title()));
            }
        }
        publish(articles);
        return IngestResponse.of(items);
    }

    private FetchedPage fetch(String url, String field) throws InterruptedException {
        try {
            return pages.fetch(URI.create(url.strip()), maxHostWait);
        } catch (FetchException e) {
            throw FetchRejections.of(e, field, clock);
        } catch (PageFetcher.PageStatusException e) {
            throw FetchRejections.of(e, field);
        } catch (IllegalArgumentException e) {
            throw IngestRejection.field(Reason.INVALID, "invalid-url", "Invalid URL", field,
                    "must be an absolute http or https URL");
        }
    }

    private static IngestRejection notAPage(FetchedPage page, String field) {
        return IngestRejection.field(Reason.UNPROCESSABLE, "unsupported-document", "Unsupported Document",
                field, "the document at " + page.finalUri() + " is " + page.mediaType()
                        + "; only HTML, plain text and feeds are ingested");
    }

    private static void checkUrl(String url, String field) {
        if (url == null) {
            return;
        }
        try {
            ArticleIds.canonicalize(url);
        } catch (IllegalArgumentException e) {
            throw IngestRejection.field(Reason.INVALID, "invalid-url", "Invalid URL", field,
                    "must be an absolute http or https URL");
        }
    }

    /** The host of an already validated URL, for a default source id. */
    private static String hostOf(String url) {
        try {
            String host = URI.create(ArticleIds.canonicalize(url)).getHost();
            return host == null ? "push" : host;
        } catch (IllegalArgumentException e) {
            return "push";
        }
    }

    /** A page's draft: URL, source (the options', else {@code fallback}) and the hints the request gave. */
    private RawArticles.Draft draft(IngestOptions options, String url, String fallback) {
        return RawArticles.draft(options.method(), clock.instant())
                .url(url)
                .source(sourceId(options, fallback), sourceName(options, fallback))
                .publishedAt(options.publishedAt())
                .hints(options.title(), null)
                .language(options.language());
    }

    private static String sourceId(IngestOptions options, String fallback) {
        return RawArticles.sourceId(options.source() != null ? options.source() : fallback);
    }

    private static String sourceName(IngestOptions options, String fallback) {
        return options.sourceName() != null ? options.sourceName() : options.source() != null ? options.source()
                : fallback;
    }

    private void publish(List<RawArticle> articles) throws InterruptedException {
        if (articles.isEmpty()) {
            return;
        }
        try {
            publisher.publish(articles);
        } catch (PublishException e) {
            Map<String, Object> extra = Map.of("acknowledged", e.acknowledged(), "failed", e.failed());
            if (e.tooLarge()) {
                throw new IngestRejection(Reason.TOO_LARGE, "too-large", "Payload Too Large",
                        "the broker refused an article as too large: " + e.getMessage(),
                        FieldProblem.one("content", "too large for the topic's message size limit"), extra, null);
            }
            throw new IngestRejection(Reason.UNAVAILABLE, "publish-failed", "Kafka Unavailable",
                    e.getMessage() + "; nothing is lost by sending again (same ids)", null, extra, Duration.ofSeconds(5));
        }
    }

    private static String summary(List<FieldProblem> problems) {
        StringBuilder sb = new StringBuilder();
        for (FieldProblem p : problems) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(p.field()).append(": ").append(p.detail());
        }
        return sb.toString();
    }
}
