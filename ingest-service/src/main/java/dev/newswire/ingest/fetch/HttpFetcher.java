package dev.newswire.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET with the safety rules of the service: the address policy on every hop (redirects are followed
 * here, not by the JDK client, for that reason), a redirect cap, per-host politeness, connect / response /
 * total timeouts, and a body cap enforced while reading.
 */
public final class HttpFetcher {

    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Error bodies are not used; a little is read so that the connection can be reused, no more. */
    private static final int ERROR_BODY_CAP = 16 * 1024;

    private final HttpClient client;
    private final FetchProperties properties;
    private final AddressPolicy addressPolicy;
    private final HostGate hostGate;
    private final Clock clock;

    public HttpFetcher(HttpClient client, FetchProperties properties, AddressPolicy addressPolicy, HostGate hostGate,
                       Clock clock) {
        this.client = client;
        this.properties = properties;
        this.addressPolicy = addressPolicy;
        this.hostGate = hostGate;
        this.clock = clock;
    }

    /** The JDK client as this fetcher needs it: redirects off (followed here), no proxy, connect timeout. */
    public static HttpClient newClient(FetchProperties properties) {
        return HttpClient.newBuilder()
                .connectTimeout(properties.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Performs the GET, following redirects.
     *
     * @return the final answer, whatever its status
     * @throws FetchException when there is no answer to act on (blocked, timeout, too large, …)
     */
    public FetchResponse get(FetchRequest request) throws FetchException, InterruptedException {
        URI current = request.uri();
        for (int hop = 0; ; hop++) {
            addressPolicy.check(current);
            if (request.hopCheck() != null) {
                request.hopCheck().check(current);
            }
            HttpResponse<byte[]> response = exchange(request, current);
            int status = response.statusCode();
            if (!REDIRECTS.contains(status)) {
                return new FetchResponse(request.uri(), current, status, response.headers(), response.body(),
                        retryAfter(response));
            }
            String location = response.headers().firstValue("Location").orElse(null);
            if (location == null) {
                return new FetchResponse(request.uri(), current, status, response.headers(), new byte[0], null);
            }
            if (hop >= properties.getMaxRedirects()) {
                throw new FetchException(FetchException.Kind.TOO_MANY_REDIRECTS, request.uri(),
                        "more than " + properties.getMaxRedirects() + " redirects from " + request.uri());
            }
            URI next = resolve(current, location);
            log.debug("{} redirects ({}) to {}", current, status, next);
            current = next;
        }
    }

    private HttpResponse<byte[]> exchange(FetchRequest request, URI uri) throws FetchException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(properties.getResponseTimeout())
                .header("User-Agent", properties.getUserAgent())
                .header("Accept", request.accept());
        if (request.ifNoneMatch() != null) {
            builder.header("If-None-Match", request.ifNoneMatch());
        }
        if (request.ifModifiedSince() != null) {
            builder.header("If-Modified-Since", request.ifModifiedSince());
        }
        long cap = properties.getMaxBodySize().toBytes();
        HostGate.Permit permit = hostGate.acquire(uri, request.maxHostWait());
        HostGate.Outcome outcome = HostGate.Outcome.FAILED;
        Duration retryAfter = null;
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(builder.build(), info -> {
            if (info.statusCode() == 304 || REDIRECTS.contains(info.statusCode())) {
                return HttpResponse.BodySubscribers.replacing(new byte[0]);
            }
            if (info.statusCode() >= 400) {
                return new CappedBody(ERROR_BODY_CAP, true, -1);
            }
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new CappedBody(cap, false, declared);
        });
        try {
            HttpResponse<byte[]> response = future.get(properties.getTotalTimeout().toMillis(), TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            retryAfter = retryAfter(response);
            outcome = status == 429 || (status == 503 && retryAfter != null) ? HostGate.Outcome.THROTTLED
                    : status >= 500 ? HostGate.Outcome.FAILED : HostGate.Outcome.ANSWERED;
            return response;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(FetchException.Kind.TIMEOUT, uri, "no complete answer from " + uri + " within "
                    + properties.getTotalTimeout().toSeconds() + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof BodyTooLargeException) {
                outcome = HostGate.Outcome.ANSWERED; // the server is fine; the document is what we refuse
            }
            throw translate(uri, cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } finally {
            permit.release(outcome, retryAfter);
        }
    }

    private FetchException translate(URI uri, Throwable cause) {
        if (cause instanceof BodyTooLargeException) {
            return new FetchException(FetchException.Kind.TOO_LARGE, uri, "the body of " + uri + " exceeds "
                    + properties.getMaxBodySize().toBytes() + " bytes", cause);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT, uri, "connecting to " + uri.getHost()
                    + " timed out after " + properties.getConnectTimeout().toSeconds() + " s", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT, uri, "no response headers from " + uri + " within "
                    + properties.getResponseTimeout().toSeconds() + " s", cause);
        }
        if (cause instanceof ConnectException) {
            return new FetchException(FetchException.Kind.NETWORK, uri, "cannot connect to " + uri.getHost()
                    + ": connection refused", cause);
        }
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return new FetchException(FetchException.Kind.NETWORK, uri, "fetching " + uri + " failed: " + message, cause);
    }

    private static URI resolve(URI current, String location) throws FetchException {
        try {
            URI next = current.resolve(new URI(location.strip().replace(" ", "%20")));
            if (!next.isAbsolute() || next.getHost() == null) {
                throw new URISyntaxException(location, "not an absolute URL");
            }
            return next;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.BAD_URL, current, "bad redirect Location from " + current
                    + ": " + location, e);
        }
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110 section 10.2.3), as a delay from now. */
    private Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The body exceeded the cap. */
    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(long cap) {
            super("body larger than " + cap + " bytes");
        }
    }

    /**
     * Collects the body up to a cap, counting while it arrives (a Content-Length header is only used to
     * refuse early). Over the cap it cancels the download and fails, or, with {@code truncate}, ends there.
     */
    static final class CappedBody implements BodySubscriber<byte[]> {

        private final long cap;
        private final boolean truncate;
        private final long declaredLength;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(long cap, boolean truncate, long declaredLength) {
            this.cap = cap;
            this.truncate = truncate;
            this.declaredLength = declaredLength;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (!truncate && declaredLength > cap) {
                s.cancel();
                result.completeExceptionally(new BodyTooLargeException(cap));
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int room = (int) Math.min(Integer.MAX_VALUE, cap - out.size());
                if (buffer.remaining() > room) {
                    subscription.cancel();
                    if (truncate) {
                        byte[] part = new byte[room];
                        buffer.get(part);
                        out.write(part, 0, part.length);
                        result.complete(out.toByteArray());
                    } else {
                        result.completeExceptionally(new BodyTooLargeException(cap));
                    }
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
