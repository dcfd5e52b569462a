package dev.newswire.ingest.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * One GET to perform.
 *
 * @param uri             the URL
 * @param accept          the {@code Accept} header
 * @param ifNoneMatch     the {@code ETag} the server sent last time, verbatim, or {@code null}
 * @param ifModifiedSince the {@code Last-Modified} the server sent last time, verbatim (never a date we
 *                        made up), or {@code null}
 * @param maxHostWait     how long to wait for the host's politeness slot before giving up
 * @param hopCheck        extra check of every URL of the redirect chain (robots.txt for pages), or {@code null}
 */
public record FetchRequest(URI uri, String accept, String ifNoneMatch, String ifModifiedSince, Duration maxHostWait,
                           HopCheck hopCheck) {

    /** A check of one URL of a redirect chain, before it is requested. */
    @FunctionalInterface
    public interface HopCheck {
        void check(URI hop) throws FetchException, InterruptedException;
    }

    public static FetchRequest get(URI uri, String accept, Duration maxHostWait) {
        return new FetchRequest(uri, accept, null, null, maxHostWait, null);
    }
}
