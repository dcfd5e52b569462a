package dev.newswire.ingest.fetch;

import java.net.URI;
import java.time.Instant;

/** The host may not be asked again before {@link #retryAt()}: spacing, {@code Retry-After} or backoff. */
public class HostBusyException extends FetchException {

    private final Instant retryAt;

    public HostBusyException(URI uri, Instant retryAt) {
        super(Kind.HOST_BUSY, uri, "host " + uri.getHost() + " is not asked again before " + retryAt
                + " (politeness spacing, Retry-After or backoff after failures)");
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
