package dev.newswire.ingest.feed;

import dev.newswire.ingest.publish.RawArticles;
import dev.newswire.model.ArticleIds;
import java.time.Instant;

/**
 * One entry of a feed, normalised across RSS, Atom and JSON Feed.
 *
 * @param id        the entry's own id (guid, atom:id, JSON Feed id), or {@code null} when the feed gives none
 * @param title     the entry title as the feed gave it, trimmed; may be {@code null}
 * @param link      the entry's page, absolute when the feed or its location allowed resolving it
 * @param published when it was first published, if the feed said so
 * @param updated   when it was last changed, if the feed said so
 * @param summary   the short description (often HTML), if any
 * @param content   the full content (often HTML), if any
 * @param language  the entry's language tag as declared (entry, else feed), e.g. {@code en-us}
 */
public record FeedEntry(
        String id,
        String title,
        String link,
        Instant published,
        Instant updated,
        String summary,
        String content,
        String language) {

    /** Longest dedup key kept as it is; a longer one (a hostile feed's megabyte id) is kept as its hash. */
    static final int MAX_KEY_CHARS = 512;

    /** Title and summary are hints: cut to the push API's limits, so that no feed makes them unbounded. */
    public FeedEntry {
        title = RawArticles.cut(title, RawArticles.MAX_TITLE_CHARS);
        summary = RawArticles.cut(summary, RawArticles.MAX_SUMMARY_CHARS);
        language = language == null || language.length() <= 35 ? language : null;
    }

    /** The date to show for the article: publication, else last update. */
    public Instant date() {
        return published != null ? published : updated;
    }

    /**
     * A key that stays the same when a feed re-lists the entry: its id, else its link, else its title.
     * {@code null} when the entry has none of them (it is then always new, and harmless: its article id
     * comes from its content).
     */
    public String dedupKey() {
        if (id != null && !id.isBlank()) {
            return bounded("id:" + id.strip());
        }
        if (link != null && !link.isBlank()) {
            return bounded("link:" + link.strip());
        }
        return title == null || title.isBlank() ? null : bounded("title:" + title.strip());
    }

    private static String bounded(String key) {
        return key.length() <= MAX_KEY_CHARS ? key : "sha256:" + ArticleIds.forContent(key);
    }
}
