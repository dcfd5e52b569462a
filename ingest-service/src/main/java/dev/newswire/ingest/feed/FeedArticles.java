package dev.newswire.ingest.feed;

import dev.newswire.ingest.fetch.FetchException;
import dev.newswire.ingest.fetch.FetchedPage;
import dev.newswire.ingest.fetch.LogSafe;
import dev.newswire.ingest.fetch.PageFetcher;
import dev.newswire.ingest.publish.RawArticles;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns feed entries into raw articles: the entry's link fetched as the full page when asked, else (or
 * when the page cannot be had) the entry's own content or summary.
 */
public final class FeedArticles {

    private static final Logger log = LoggerFactory.getLogger(FeedArticles.class);

    /** Default of {@link #pageBudget}. */
    public static final Duration DEFAULT_PAGE_BUDGET = Duration.ofMinutes(2);

    private final PageFetcher pages;
    private final Clock clock;
    private final Duration maxHostWait;
    private final Duration pageBudget;

    public FeedArticles(PageFetcher pages, Clock clock, Duration maxHostWait) {
        this(pages, clock, maxHostWait, DEFAULT_PAGE_BUDGET);
    }

    /**
     * @param pageBudget longest time one call spends fetching its entries' pages: a feed whose pages are
     *                   slow (each may take the fetcher's total timeout) cannot hold a poller thread for hours;
     *                   the entries left are not marked seen and are taken at the next poll
     */
    public FeedArticles(PageFetcher pages, Clock clock, Duration maxHostWait, Duration pageBudget) {
        this.pages = pages;
        this.clock = clock;
        this.maxHostWait = maxHostWait;
        this.pageBudget = pageBudget;
    }

    /**
     * Where the entries come from.
     *
     * @param sourceId   the {@code sourceId} of the articles
     * @param sourceName the {@code sourceName} of the articles
     * @param language   language hint when an entry declares none, or {@code null}
     * @param fetchPages whether to fetch each entry's link
     * @param method     how the articles entered
     */
    public record Origin(String sourceId, String sourceName, String language, boolean fetchPages, IngestMethod method) {
    }

    /**
     * What became of one entry.
     *
     * @param entry      the entry
     * @param article    its article, or {@code null} when it yielded none
     * @param problem    why there is no article (or why the page was not used), or {@code null}
     * @param retryLater whether a later poll may do better (a transient fetch failure and no feed content)
     */
    public record Item(FeedEntry entry, RawArticle article, String problem, boolean retryLater) {
    }

    public List<Item> toArticles(List<FeedEntry> entries, Origin origin) throws InterruptedException {
        List<Item> items = new ArrayList<>(entries.size());
        long deadline = System.nanoTime() + pageBudget.toNanos();
        for (FeedEntry entry : entries) {
            items.add(toArticle(entry, origin, System.nanoTime() - deadline < 0));
        }
        return items;
    }

    private Item toArticle(FeedEntry entry, Origin origin, boolean withinBudget) throws InterruptedException {
        String link = httpLink(entry.link());
        String feedContent = entry.content() != null ? entry.content() : entry.summary();
        String problem = null;
        boolean transientFailure = false;
        if (origin.fetchPages() && link != null && !withinBudget) {
            return new Item(entry, null, "the time for fetching this feed's pages (" + pageBudget.toSeconds()
                    + " s) is spent; the entry is taken at the next poll", true);
        }
        if (origin.fetchPages() && link != null) {
            try {
                FetchedPage page = pages.fetch(URI.create(link), maxHostWait);
                if (page.kind() == FetchedPage.Kind.HTML || page.kind() == FetchedPage.Kind.TEXT) {
                    String contentType = page.kind() == FetchedPage.Kind.HTML ? "text/html" : "text/plain";
                    return new Item(entry, article(entry, link, origin, contentType, page.text()), null, false);
                }
                problem = "the linked document is " + page.mediaType() + ", not a page";
            } catch (FetchException e) {
                problem = e.getMessage();
                transientFailure = e.kind().isTransient();
            } catch (PageFetcher.PageStatusException e) {
                problem = e.getMessage();
                transientFailure = e.status() == 429 || e.status() >= 500;
            }
            log.info("page of feed entry {} not used: {}", LogSafe.url(link), problem);
        }
        if (feedContent == null || feedContent.isBlank()) {
            if (problem == null) {
                problem = link == null ? "the entry has neither content nor a link" : "the entry has no content"
                        + " and page fetching is off";
            }
            return new Item(entry, null, problem, transientFailure);
        }
        return new Item(entry, article(entry, link, origin, "text/html", feedContent), problem, false);
    }

    private RawArticle article(FeedEntry entry, String link, Origin origin, String contentType, String content) {
        Instant now = clock.instant();
        String language = RawArticles.language(entry.language()) != null ? entry.language() : origin.language();
        String url = link;
        try {
            if (url != null) {
                ArticleIds.canonicalize(url);
            }
        } catch (IllegalArgumentException e) {
            url = null; // a link ArticleIds cannot canonicalise: the article is identified by its content
        }
        return RawArticles.draft(origin.method(), now)
                .url(url)
                .source(origin.sourceId(), origin.sourceName())
                .publishedAt(entry.date())
                .content(contentType, RawArticles.capped(content))
                .hints(RawArticles.cut(entry.title(), RawArticles.MAX_TITLE_CHARS),
                        RawArticles.cut(entry.summary(), RawArticles.MAX_SUMMARY_CHARS))
                .language(language)
                .build();
    }

    /** The link when it is an absolute http(s) URL (relative links of a feed without location are unusable). */
    private static String httpLink(String link) {
        if (link == null) {
            return null;
        }
        String l = link.toLowerCase(Locale.ROOT);
        if (!(l.startsWith("http://") || l.startsWith("https://"))) {
            return null;
        }
        try {
            URI uri = URI.create(link);
            return uri.getHost() == null ? null : link;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
