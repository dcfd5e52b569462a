package dev.newswire.ingest.fetch;

import dev.newswire.runtime.text.TextDecoding;
import java.net.URI;
import java.time.Duration;

/**
 * Fetches a web page (or a feed given as a page URL) with robots.txt obeyed on every hop of the redirect
 * chain. A non-2xx answer is a {@link PageStatusException}.
 */
public final class PageFetcher {

    static final String ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,"
            + "application/rss+xml;q=0.7,application/atom+xml;q=0.7,application/feed+json;q=0.7,"
            + "application/xml;q=0.6,*/*;q=0.1";

    private final HttpFetcher fetcher;
    private final RobotsPolicy robots;

    /** @param robots the robots.txt policy, or {@code null} to ignore robots.txt */
    public PageFetcher(HttpFetcher fetcher, RobotsPolicy robots) {
        this.fetcher = fetcher;
        this.robots = robots;
    }

    public FetchedPage fetch(URI uri, Duration maxHostWait)
            throws FetchException, PageStatusException, InterruptedException {
        FetchResponse response = fetcher.get(new FetchRequest(uri, ACCEPT, null, null, maxHostWait,
                robots == null ? null : robots::check));
        if (!response.isOk()) {
            throw new PageStatusException(response);
        }
        String mediaType = TextDecoding.mediaType(response.contentType());
        return new FetchedPage(uri, response.finalUri(), mediaType, response.contentType(), response.body(),
                FetchedPage.classify(mediaType, response.body()));
    }

    /** The page's server answered with a status other than 2xx. */
    public static final class PageStatusException extends Exception {

        private final transient FetchResponse response;

        PageStatusException(FetchResponse response) {
            super(response.finalUri() + " answered HTTP " + response.status());
            this.response = response;
        }

        public int status() {
            return response.status();
        }

        public FetchResponse response() {
            return response;
        }
    }
}
