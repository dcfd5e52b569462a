package dev.newswire.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET with the safety rules of the service:
 *
 * <ul>
 *   <li>the address policy is the client's DNS resolver, so the address that was checked is the address
 *       connected to, on every redirect hop (followed here, not by the client) and for robots.txt;</li>
 *   <li>no proxy, whatever the environment says; no cookies, no retries;</li>
 *   <li>per-host politeness ({@link HostGate}) and at most {@code max-concurrent-fetches} requests at once;</li>
 *   <li>connect, response (between bytes) and total timeouts: a server that never ends, or drips its body,
 *       is cut off at the total timeout;</li>
 *   <li>a body cap counted on the decoded bytes while reading, so a gzip bomb stops at the cap; status lines
 *       and headers are bounded too.</li>
 * </ul>
 */
public final class HttpFetcher implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Error bodies are not used; a little is read so that the connection can be reused, no more. */
    private static final int ERROR_BODY_CAP = 16 * 1024;
    private static final int MAX_HEADER_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    private final CloseableHttpClient client;
    private final FetchProperties properties;
    private final HostGate hostGate;
    private final Clock clock;
    private final Semaphore concurrent;
    private final ScheduledExecutorService deadlines;

    public HttpFetcher(FetchProperties properties, AddressPolicy addressPolicy, HostGate hostGate, Clock clock) {
        this.properties = properties;
        this.hostGate = hostGate;
        this.clock = clock;
        this.client = newClient(properties, addressPolicy);
        this.concurrent = new Semaphore(properties.getMaxConcurrentFetches(), true);
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fetch-deadlines");
            t.setDaemon(true);
            return t;
        });
    }

    /** The client: the policy as DNS resolver, no proxy, no redirects, bounded headers, connect timeout. */
    private static CloseableHttpClient newClient(FetchProperties properties, AddressPolicy addressPolicy) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new org.apache.hc.client5.http.DnsResolver() {
                    @Override
                    public java.net.InetAddress[] resolve(String host) throws UnknownHostException {
                        return addressPolicy.resolve(host);
                    }

                    @Override
                    public String resolveCanonicalHostname(String host) throws UnknownHostException {
                        return addressPolicy.resolve(host)[0].getCanonicalHostName();
                    }
                })
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom().setMaxLineLength(MAX_HEADER_LINE)
                                .setMaxHeaderCount(MAX_HEADERS).build())
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.getConnectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.getResponseTimeout()))
                        .build())
                .setMaxConnTotal(Math.max(8, properties.getMaxConcurrentFetches() * 2))
                .setMaxConnPerRoute(2)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))   // never a proxy
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.getResponseTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(properties.getConnectTimeout()))
                        .build())
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
            AddressPolicy.requireHttp(current);
            if (request.hopCheck() != null) {
                request.hopCheck().check(current);
            }
            Answer answer = exchange(request, current);
            if (!REDIRECTS.contains(answer.status())) {
                return new FetchResponse(request.uri(), current, answer.status(), answer.headers(), answer.body(),
                        answer.retryAfter());
            }
            String location = answer.headers().firstValue("Location").orElse(null);
            if (location == null) {
                return new FetchResponse(request.uri(), current, answer.status(), answer.headers(), new byte[0], null);
            }
            if (hop >= properties.getMaxRedirects()) {
                throw new FetchException(FetchException.Kind.TOO_MANY_REDIRECTS, request.uri(),
                        "more than " + properties.getMaxRedirects() + " redirects from " + LogSafe.url(request.uri()));
            }
            URI next = resolve(current, location);
            log.debug("{} redirects ({}) to {}", LogSafe.url(current), answer.status(), LogSafe.url(next));
            current = next;
        }
    }

    private record Answer(int status, HttpHeaders headers, byte[] body, Duration retryAfter) {
    }

    private Answer exchange(FetchRequest request, URI uri) throws FetchException, InterruptedException {
        HttpGet get = new HttpGet(uri);
        get.setHeader("User-Agent", properties.getUserAgent());
        get.setHeader("Accept", request.accept());
        if (request.ifNoneMatch() != null) {
            get.setHeader("If-None-Match", request.ifNoneMatch());
        }
        if (request.ifModifiedSince() != null) {
            get.setHeader("If-Modified-Since", request.ifModifiedSince());
        }
        if (!concurrent.tryAcquire(request.maxHostWait().toNanos(), TimeUnit.NANOSECONDS)) {
            throw new FetchException(FetchException.Kind.BUSY, uri, "all " + properties.getMaxConcurrentFetches()
                    + " fetch slots are busy; try again shortly");
        }
        try {
            HostGate.Permit permit = hostGate.acquire(uri, request.maxHostWait());
            HostGate.Outcome outcome = HostGate.Outcome.FAILED;
            Duration retryAfter = null;
            AtomicBoolean expired = new AtomicBoolean();
            ScheduledFuture<?> deadline = deadlines.schedule(() -> {
                expired.set(true);
                get.cancel();
            }, properties.getTotalTimeout().toMillis(), TimeUnit.MILLISECONDS);
            try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
                int status = response.getCode();
                HttpHeaders headers = headers(response);
                retryAfter = retryAfter(headers);
                byte[] body = body(response, status, uri);
                outcome = status == 429 || (status == 503 && retryAfter != null) ? HostGate.Outcome.THROTTLED
                        : status >= 500 ? HostGate.Outcome.FAILED : HostGate.Outcome.ANSWERED;
                return new Answer(status, headers, body, retryAfter);
            } catch (FetchException e) {
                if (e.kind() == FetchException.Kind.TOO_LARGE) {
                    outcome = HostGate.Outcome.ANSWERED;   // the server is fine; the document is what we refuse
                }
                throw e;
            } catch (IOException | RuntimeException e) {
                if (expired.get()) {
                    throw new FetchException(FetchException.Kind.TIMEOUT, uri, "no complete answer from "
                            + LogSafe.url(uri) + " within " + properties.getTotalTimeout().toSeconds() + " s", e);
                }
                throw translate(uri, e);
            } finally {
                deadline.cancel(false);
                permit.release(outcome, retryAfter);
            }
        } finally {
            concurrent.release();
        }
    }

    /** The body: none for 304 and redirects, a little of an error, up to the cap otherwise. */
    private byte[] body(ClassicHttpResponse response, int status, URI uri) throws IOException, FetchException {
        HttpEntity entity = response.getEntity();
        if (entity == null || status == 304 || REDIRECTS.contains(status)) {
            return new byte[0];
        }
        long cap = status >= 400 ? ERROR_BODY_CAP : properties.getMaxBodySize().toBytes();
        if (status < 400 && entity.getContentLength() > cap) {
            throw tooLarge(uri);
        }
        try (InputStream in = entity.getContent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (out.size() + n > cap) {
                    if (status >= 400) {
                        out.write(buffer, 0, (int) (cap - out.size()));
                        return out.toByteArray();
                    }
                    throw tooLarge(uri);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private FetchException tooLarge(URI uri) {
        return new FetchException(FetchException.Kind.TOO_LARGE, uri, "the body of " + LogSafe.url(uri) + " exceeds "
                + properties.getMaxBodySize().toBytes() + " bytes (after decompression)");
    }

    private static HttpHeaders headers(ClassicHttpResponse response) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            map.computeIfAbsent(header.getName(), k -> new ArrayList<>()).add(header.getValue());
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private FetchException translate(URI uri, Throwable cause) {
        String host = uri.getHost();
        if (cause instanceof AddressPolicy.BlockedAddressException) {
            return new FetchException(FetchException.Kind.BLOCKED_ADDRESS, uri, cause.getMessage(), cause);
        }
        if (cause instanceof UnknownHostException) {
            return new FetchException(FetchException.Kind.UNKNOWN_HOST, uri, "unknown host " + host, cause);
        }
        if (cause instanceof ConnectTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT, uri, "connecting to " + host
                    + " timed out after " + properties.getConnectTimeout().toSeconds() + " s", cause);
        }
        if (cause instanceof SocketTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT, uri, "no data from " + LogSafe.url(uri)
                    + " for " + properties.getResponseTimeout().toSeconds() + " s", cause);
        }
        if (cause instanceof HttpHostConnectException) {
            return new FetchException(FetchException.Kind.NETWORK, uri, "cannot connect to " + host
                    + ": connection refused", cause);
        }
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return new FetchException(FetchException.Kind.NETWORK, uri, "fetching " + LogSafe.url(uri) + " failed: "
                + message.replace(uri.toString(), LogSafe.url(uri)), cause);
    }

    private static URI resolve(URI current, String location) throws FetchException {
        try {
            URI next = current.resolve(new URI(location.strip().replace(" ", "%20")));
            if (!next.isAbsolute() || next.getHost() == null) {
                throw new URISyntaxException(location, "not an absolute URL");
            }
            return next;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.BAD_URL, current, "bad redirect Location from "
                    + LogSafe.url(current) + ": " + LogSafe.url(location), e);
        }
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110 section 10.2.3), as a delay from now. */
    private Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").orElse(null);
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
            Duration d = Duration.between(clock.instant(),
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)));
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
