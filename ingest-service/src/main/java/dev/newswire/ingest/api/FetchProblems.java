package dev.newswire.ingest.api;

import dev.newswire.ingest.fetch.FetchException;
import dev.newswire.ingest.fetch.HostBusyException;
import dev.newswire.ingest.fetch.PageFetcher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/** How a failed fetch of a client-given URL is answered: whose fault, which status. */
final class FetchProblems {

    private FetchProblems() {
    }

    static ApiException of(FetchException e, String field, Clock clock) {
        String detail = e.getMessage();
        return switch (e.kind()) {
            case BAD_URL -> problem(HttpStatus.BAD_REQUEST, "invalid-url", "Invalid URL", field, detail, null);
            case BLOCKED_ADDRESS, ROBOTS_DISALLOWED, UNKNOWN_HOST, TOO_LARGE ->
                    problem(HttpStatus.UNPROCESSABLE_CONTENT, "unfetchable-url", "URL Not Fetchable", field, detail, null);
            case HOST_BUSY -> problem(HttpStatus.SERVICE_UNAVAILABLE, "host-busy", "Host Busy", field, detail,
                    Duration.between(clock.instant(), ((HostBusyException) e).retryAt()));
            case BUSY -> problem(HttpStatus.SERVICE_UNAVAILABLE, "fetcher-busy", "Fetcher Busy", field, detail,
                    Duration.ofSeconds(5));
            case TIMEOUT, NETWORK, TOO_MANY_REDIRECTS ->
                    problem(HttpStatus.BAD_GATEWAY, "upstream-failed", "Upstream Fetch Failed", field, detail, null);
        };
    }

    static ApiException of(PageFetcher.PageStatusException e, String field) {
        boolean upstream = e.status() >= 500 || e.status() == 429;
        return problem(upstream ? HttpStatus.BAD_GATEWAY : HttpStatus.UNPROCESSABLE_CONTENT,
                upstream ? "upstream-failed" : "unfetchable-url",
                upstream ? "Upstream Fetch Failed" : "URL Not Fetchable", field, e.getMessage(), null);
    }

    private static ApiException problem(HttpStatus status, String type, String title, String field, String detail,
                                        Duration retryAfter) {
        return new ApiException(status, type, title, field + ": " + detail, List.of(new FieldProblem(field, detail)),
                null, retryAfter);
    }
}
