package dev.newswire.ingest.source;

import java.net.URI;
import java.time.Duration;

/**
 * A feed the service polls.
 *
 * @param id         stable id, also the {@code sourceId} of its articles ({@code [a-z0-9][a-z0-9._-]*})
 * @param name       human-readable name, the {@code sourceName} of its articles
 * @param url        the feed URL (RSS, Atom or JSON Feed)
 * @param interval   time between polls when all is well
 * @param fetchPages whether each new item's link is fetched as the article (else the feed's own content is used)
 * @param language   ISO 639-1 hint for its articles when the feed declares none, or {@code null}
 * @param enabled    whether it is polled
 * @param origin     where the definition came from
 */
public record FeedSource(String id, String name, URI url, Duration interval, boolean fetchPages, String language,
                         boolean enabled, Origin origin) {

    /** Where a source definition came from. */
    public enum Origin {
        /** The sources YAML file read at start. */
        FILE,
        /** {@code POST /api/v1/sources}. */
        API
    }
}
