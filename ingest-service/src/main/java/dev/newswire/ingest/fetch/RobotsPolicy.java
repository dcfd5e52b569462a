package dev.newswire.ingest.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** robots.txt per origin, fetched through the same safe fetcher and cached for a while. */
public final class RobotsPolicy {

    private static final Logger log = LoggerFactory.getLogger(RobotsPolicy.class);
    /** An unreachable robots.txt blocks the site only briefly; it is asked again after this. */
    private static final Duration UNREACHABLE_TTL = Duration.ofMinutes(10);

    private final HttpFetcher fetcher;
    private final FetchProperties properties;
    private final String token;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(RobotsRules rules, Instant expires) {
    }

    public RobotsPolicy(HttpFetcher fetcher, FetchProperties properties, Clock clock) {
        this.fetcher = fetcher;
        this.properties = properties;
        this.clock = clock;
        String ua = properties.getUserAgent();
        this.token = ua.split("[/ ]", 2)[0];
    }

    /**
     * @throws FetchException {@code ROBOTS_DISALLOWED} when the site's robots.txt forbids the URL
     */
    public void check(URI uri) throws FetchException, InterruptedException {
        RobotsRules rules = rulesFor(uri);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        if (!rules.allows(path)) {
            throw new FetchException(FetchException.Kind.ROBOTS_DISALLOWED, uri,
                    "robots.txt of " + uri.getHost() + " disallows " + LogSafe.url(URI.create("http://h" + path)).substring(8)
                            + " for " + token);
        }
    }

    private RobotsRules rulesFor(URI uri) throws FetchException, InterruptedException {
        // Scheme, host and port only: never the user info a URL may carry.
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        Cached cached = cache.get(origin);
        if (cached != null && cached.expires().isAfter(clock.instant())) {
            return cached.rules();
        }
        URI robots = URI.create(origin + "/robots.txt");
        RobotsRules rules;
        Duration ttl = properties.getRobotsCacheTtl();
        try {
            FetchResponse response = fetcher.get(FetchRequest.get(robots, "text/plain", properties.getMaxHostWait()));
            if (response.isOk()) {
                rules = RobotsRules.parse(new String(response.body(), StandardCharsets.UTF_8), token);
            } else if (response.status() >= 400 && response.status() < 500) {
                rules = RobotsRules.ALLOW_ALL; // RFC 9309 2.3.1.3: "unavailable" means no restrictions
            } else {
                rules = RobotsRules.DISALLOW_ALL; // 5xx: "unreachable", assume complete disallow for now
                ttl = UNREACHABLE_TTL;
            }
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.HOST_BUSY || e.kind() == FetchException.Kind.BLOCKED_ADDRESS) {
                throw e;
            }
            log.info("robots.txt of {} unreachable ({}); treating the site as disallowed for {}", origin,
                    e.getMessage(), UNREACHABLE_TTL);
            rules = RobotsRules.DISALLOW_ALL;
            ttl = UNREACHABLE_TTL;
        }
        cache.put(origin, new Cached(rules, clock.instant().plus(ttl)));
        return rules;
    }
}
