package dev.newswire.ingest.source;

import dev.newswire.ingest.publish.RawArticles;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;

/**
 * The feed sources, from the YAML file and the API, each with its polling state. Every change is
 * written to the {@link SourceJournal} before it takes effect, so a restart keeps the sources the API
 * added and removed.
 */
public class SourceRegistry {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Longest feed URL accepted: it is stored on the sources topic and shown in every status. */
    static final int MAX_URL_LENGTH = 8192;

    private final SourceProperties properties;
    private final SourceJournal journal;
    /** Polling state from before a restart, applied to a source of the same id and URL as it is added. */
    private Map<String, StoredSource> restored = new HashMap<>();
    private final ConcurrentSkipListMap<String, RegisteredSource> sources = new ConcurrentSkipListMap<>();
    private final List<Consumer<RegisteredSource>> addedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<RegisteredSource>> removedListeners = new CopyOnWriteArrayList<>();

    public SourceRegistry(SourceProperties properties) {
        this(properties, SourceJournal.NONE);
    }

    public SourceRegistry(SourceProperties properties, SourceJournal journal) {
        this.properties = properties;
        this.journal = journal;
    }

    /** The stored polling state to give the sources added next (at start, from the sources topic). */
    public synchronized void restoreFrom(Map<String, StoredSource> stored) {
        restored = new HashMap<>(stored);
    }

    /**
     * A source's state after a poll, for the journal. A removed or replaced registration is not
     * written; holding the lock orders this write after a removal's tombstone, never after it.
     */
    public synchronized void polled(RegisteredSource source) {
        if (get(source.definition().id()).map(current -> current == source).orElse(false)) {
            journal.polled(source);
        }
    }

    public void onAdded(Consumer<RegisteredSource> listener) {
        addedListeners.add(listener);
    }

    public void onRemoved(Consumer<RegisteredSource> listener) {
        removedListeners.add(listener);
    }

    /**
     * Adds a new source.
     *
     * @throws InvalidSourceException on bad fields, a taken id or a full registry
     */
    public synchronized RegisteredSource add(SourceSpec spec, FeedSource.Origin origin) throws InvalidSourceException {
        FeedSource source = validate(spec, origin);
        if (sources.containsKey(source.id())) {
            throw new InvalidSourceException(Map.of("id", "a source with id '" + source.id() + "' exists already"));
        }
        checkRoom(null);
        StoredSource prior = restored.remove(source.id());
        RegisteredSource registered = new RegisteredSource(source, stateAfter(prior, source));
        // At start, a source the topic holds as it is (the sources file's, read again) is not written again.
        boolean stored = prior != null && prior.origin() == origin && StoredSource.specOf(source).equals(prior.spec());
        if (!stored) {
            journal.saved(registered);
        }
        install(registered);
        return registered;
    }

    /** A fresh state, or the stored one when the source was polled at the same URL before a restart. */
    private SourceState stateAfter(StoredSource prior, FeedSource source) {
        SourceState state = new SourceState(properties.getSeenCapacity());
        if (prior != null && prior.spec() != null && source.url().toString().equals(prior.spec().url())) {
            state.restore(prior.etag(), prior.lastModified(), prior.seen() == null ? List.of() : prior.seen());
        }
        return state;
    }

    /** Replaces the definition of an existing source (its state starts afresh), or adds it. */
    public synchronized RegisteredSource put(String id, SourceSpec spec, FeedSource.Origin origin)
            throws InvalidSourceException {
        SourceSpec withId = new SourceSpec(id, spec.name(), spec.url(), spec.interval(), spec.fetchPages(),
                spec.language(), spec.enabled());
        if (spec.id() != null && !spec.id().equals(id)) {
            throw new InvalidSourceException(Map.of("id", "the body's id '" + spec.id() + "' differs from the path's '"
                    + id + "'"));
        }
        FeedSource source = validate(withId, origin);
        checkRoom(source.id());
        RegisteredSource registered = new RegisteredSource(source, new SourceState(properties.getSeenCapacity()));
        journal.saved(registered);
        install(registered);
        return registered;
    }

    /**
     * A source another replica added or replaced, read from the sources topic: applied (with a fresh
     * state) without being written again, unless this replica has the same definition already.
     */
    public synchronized void applyRemote(StoredSource stored) {
        if (stored.spec() == null || stored.spec().id() == null) {
            return;
        }
        FeedSource source;
        try {
            source = validate(stored.spec(), stored.origin() == null ? FeedSource.Origin.API : stored.origin());
        } catch (InvalidSourceException e) {
            return;
        }
        RegisteredSource current = sources.get(source.id());
        if (current == null || !current.definition().equals(source)) {
            install(new RegisteredSource(source, new SourceState(properties.getSeenCapacity())));
        }
    }

    /** A source another replica removed: removed here too, without being written again. */
    public synchronized void removeRemote(String id) {
        uninstall(id);
    }

    public synchronized boolean remove(String id) {
        if (!sources.containsKey(id)) {
            return false;
        }
        journal.removed(id);
        uninstall(id);
        return true;
    }

    /** Whether a source other than a replacement of {@code replacing} fits. */
    private void checkRoom(String replacing) throws InvalidSourceException {
        if ((replacing == null || !sources.containsKey(replacing)) && sources.size() >= properties.getMaxSources()) {
            throw new InvalidSourceException(Map.of("id", "the registry holds its maximum of "
                    + properties.getMaxSources() + " sources"));
        }
    }

    /** Puts the registration in place of any before it: the old one's listeners first, then the new one's. */
    private void install(RegisteredSource registered) {
        RegisteredSource old = sources.put(registered.definition().id(), registered);
        if (old != null) {
            removedListeners.forEach(l -> l.accept(old));
        }
        addedListeners.forEach(l -> l.accept(registered));
    }

    private void uninstall(String id) {
        RegisteredSource removed = sources.remove(id);
        if (removed != null) {
            removedListeners.forEach(l -> l.accept(removed));
        }
    }

    public Optional<RegisteredSource> get(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    public List<RegisteredSource> all() {
        return new ArrayList<>(sources.values());
    }

    /** Checks every field and turns the spec into a source. */
    FeedSource validate(SourceSpec spec, FeedSource.Origin origin) throws InvalidSourceException {
        Map<String, String> errors = new LinkedHashMap<>();
        URI url = null;
        if (spec.url() == null || spec.url().isBlank()) {
            errors.put("url", "is required");
        } else if (spec.url().length() > MAX_URL_LENGTH) {
            errors.put("url", "is longer than " + MAX_URL_LENGTH + " characters");
        } else {
            try {
                url = new URI(spec.url().strip());
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                    errors.put("url", "must be an absolute http or https URL");
                }
            } catch (URISyntaxException e) {
                errors.put("url", "is not a valid URL: " + e.getReason());
            }
        }
        String id = spec.id();
        if (id == null || id.isBlank()) {
            id = url == null || url.getHost() == null ? null : derivedId(url);
        } else if (!ID.matcher(id).matches()) {
            errors.put("id", "must match " + ID.pattern());
        }
        Duration interval = properties.getDefaultInterval();
        if (spec.interval() != null && !spec.interval().isBlank()) {
            try {
                String v = spec.interval().strip();
                interval = v.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(v))
                        : DurationStyle.detectAndParse(v);
                if (interval.compareTo(properties.getMinInterval()) < 0) {
                    errors.put("interval", "must be at least " + properties.getMinInterval());
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                errors.put("interval", "is not a duration (e.g. 15m, PT15M or seconds)");
            }
        }
        String language = null;
        if (spec.language() != null && !spec.language().isBlank()) {
            language = RawArticles.language(spec.language());
            if (language == null) {
                errors.put("language", "must be an ISO 639-1 code such as en or ja");
            }
        }
        String name = spec.name() == null || spec.name().isBlank() ? id : spec.name().strip();
        if (name != null && name.length() > 512) {
            errors.put("name", "is longer than 512 characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSourceException(errors);
        }
        return new FeedSource(id, name, url, interval, spec.fetchPages() == null || spec.fetchPages(), language,
                spec.enabled() == null || spec.enabled(), origin);
    }

    /** {@code news.example.com/feed.xml} → {@code news.example.com-feed.xml}, cut to 64 characters. */
    static String derivedId(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        String raw = (url.getHost() + (url.getPort() > 0 ? "-" + url.getPort() : "") + path);
        raw = raw.substring(0, Math.min(raw.length(), 256)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-");
        int end = raw.length();
        while (end > 0 && raw.charAt(end - 1) == '-') {
            end--;   // a loop, not "-+$": that regex is quadratic in a run of dashes
        }
        raw = raw.substring(0, end);
        return raw.length() > 64 ? raw.substring(0, 64) : raw;
    }
}
