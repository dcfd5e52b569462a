package dev.newswire.ingest.feed;

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
            return "id:" + id.strip();
        }
        if (link != null && !link.isBlank()) {
            return "link:" + link.strip();
        }
        return title == null || title.isBlank() ? null : "title:" + title.strip();
    }
}
