package dev.newswire.ingest.fetch;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;

/**
 * The final answer of a fetch, after redirects.
 *
 * @param requested the URL asked for
 * @param finalUri  the URL that answered (differs after redirects)
 * @param status    the HTTP status of the final answer
 * @param headers   its headers
 * @param body      its body (empty for 304 and error statuses), at most the configured cap
 * @param retryAfter the server's {@code Retry-After} as a delay, or {@code null}
 */
public record FetchResponse(URI requested, URI finalUri, int status, HttpHeaders headers, byte[] body,
                            Duration retryAfter) {

    public String contentType() {
        return headers.firstValue("Content-Type").orElse(null);
    }

    public String etag() {
        return headers.firstValue("ETag").orElse(null);
    }

    public String lastModified() {
        return headers.firstValue("Last-Modified").orElse(null);
    }

    public boolean isOk() {
        return status >= 200 && status < 300;
    }
}
