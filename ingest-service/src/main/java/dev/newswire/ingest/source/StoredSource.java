package dev.newswire.ingest.source;

import java.util.List;

/**
 * A source as the sources topic keeps it: its definition, where it came from, and what its poller
 * needs after a restart.
 *
 * @param spec         the definition, with every field filled
 * @param origin       the sources file or the API
 * @param etag         the feed's last {@code ETag}, or {@code null}
 * @param lastModified the feed's last {@code Last-Modified}, or {@code null}
 * @param seen         keys of the last entries published, oldest first
 */
public record StoredSource(SourceSpec spec, FeedSource.Origin origin, String etag, String lastModified,
                           List<String> seen) {

    static StoredSource of(RegisteredSource source, int maxSeen) {
        SourceState.Persisted state = source.state().persisted(maxSeen);
        return new StoredSource(specOf(source.definition()), source.definition().origin(), state.etag(),
                state.lastModified(), state.seen());
    }

    /** The definition with every field filled, as it is stored. */
    static SourceSpec specOf(FeedSource d) {
        return new SourceSpec(d.id(), d.name(), d.url().toString(), d.interval().toString(), d.fetchPages(),
                d.language(), d.enabled());
    }
}
