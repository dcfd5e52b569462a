package dev.newswire.ingest.fetch;

import java.net.URI;

/** A fetch that produced no HTTP answer to act on; {@link #kind()} says why, the message says it to a person. */
public class FetchException extends Exception {

    /** Why a fetch failed. */
    public enum Kind {
        /** Not an absolute http(s) URL, or a redirect to one. */
        BAD_URL(false),
        /** The address is loopback, private, link-local or cloud metadata (SSRF). */
        BLOCKED_ADDRESS(false),
        /** robots.txt of the site disallows the path for our user agent. */
        ROBOTS_DISALLOWED(false),
        /** More redirects than allowed. */
        TOO_MANY_REDIRECTS(false),
        /** The body exceeds the size cap. */
        TOO_LARGE(false),
        /** The host name does not resolve. */
        UNKNOWN_HOST(true),
        /** Connect, response or total timeout. */
        TIMEOUT(true),
        /** Connection refused or reset, TLS failure and the like. */
        NETWORK(true),
        /** The host is still in its politeness spacing, Retry-After or backoff; see {@link HostBusyException}. */
        HOST_BUSY(true),
        /** Every fetch slot of the service is taken (newswire.fetch.max-concurrent-fetches). */
        BUSY(true);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** Whether trying again later may succeed. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Kind kind;
    private final URI uri;

    public FetchException(Kind kind, URI uri, String message) {
        this(kind, uri, message, null);
    }

    public FetchException(Kind kind, URI uri, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.uri = uri;
    }

    public Kind kind() {
        return kind;
    }

    /** The URL (or redirect hop) that failed. */
    public URI uri() {
        return uri;
    }
}
