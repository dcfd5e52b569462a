package dev.newswire.ingest.feed;

import dev.newswire.ingest.publish.RawArticles;
import java.util.List;

/**
 * A parsed feed document.
 *
 * @param format   the dialect found, e.g. {@code rss_2.0}, {@code atom_1.0}, {@code json_feed_1.1}
 * @param title    the feed title, if any
 * @param link     the site the feed belongs to, if given
 * @param language the feed's declared language tag, if any
 * @param entries  its entries in document order, at most the parser's cap
 * @param omitted  entries over the cap, not read
 */
public record ParsedFeed(String format, String title, String link, String language, List<FeedEntry> entries,
                         int omitted) {

    public ParsedFeed {
        entries = List.copyOf(entries);
        title = RawArticles.cut(title, 512);
    }
}
