package dev.newswire.ingest.intake;

import dev.newswire.ingest.fetch.FetchException;
import dev.newswire.ingest.fetch.HostBusyException;
import dev.newswire.ingest.fetch.PageFetcher;
import java.time.Clock;
import java.time.Duration;
import dev.newswire.ingest.intake.IngestRejection.Reason;

/** How a failed fetch of a client-given URL is refused: whose fault, and whether to send again. */
final class FetchRejections {

    private FetchRejections() {
    }

    static IngestRejection of(FetchException e, String field, Clock clock) {
        String detail = e.getMessage();
        return switch (e.kind()) {
            case BAD_URL -> problem(Reason.INVALID, "invalid-url", "Invalid URL", field, detail, null);
            case BLOCKED_ADDRESS, ROBOTS_DISALLOWED, UNKNOWN_HOST, TOO_LARGE ->
                    problem(Reason.UNPROCESSABLE, "unfetchable-url", "URL Not Fetchable", field, detail, null);
            case HOST_BUSY -> problem(Reason.UNAVAILABLE, "host-busy", "Host Busy", field, detail,
                    Duration.between(clock.instant(), ((HostBusyException) e).retryAt()));
            case BUSY -> problem(Reason.UNAVAILABLE, "fetcher-busy", "Fetcher Busy", field, detail,
                    Duration.ofSeconds(5));
            case TIMEOUT, NETWORK, TOO_MANY_REDIRECTS ->
                    problem(Reason.UPSTREAM_FAILED, "upstream-failed", "Upstream Fetch Failed", field, detail, null);
        };
    }

    static IngestRejection of(PageFetcher.PageStatusException e, String field) {
        boolean upstream = e.status() >= 500 || e.status() == 429;
        return problem(upstream ? Reason.UPSTREAM_FAILED : Reason.UNPROCESSABLE,
                upstream ? "upstream-failed" : "unfetchable-url",
                upstream ? "Upstream Fetch Failed" : "URL Not Fetchable", field, e.getMessage(), null);
    }

    private static IngestRejection problem(Reason reason, String type, String title, String field, String detail,
                                        Duration retryAfter) {
        return new IngestRejection(reason, type, title, field + ": " + detail, FieldProblem.one(field, detail), null,
                retryAfter);
    }
}
