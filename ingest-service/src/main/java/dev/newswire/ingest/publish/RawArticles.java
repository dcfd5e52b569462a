package dev.newswire.ingest.publish;

import dev.newswire.model.ArticleIds;
import dev.newswire.model.EventLimits;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Builds {@link RawArticle}s the same way for every way in: ids, canonical URLs, language hints. */
public final class RawArticles {

    private static final Pattern PRIMARY_LANGUAGE = Pattern.compile("[a-z]{2}");

    /**
     * Room in a record for everything but the content: the other fields at their limits (title 2,000 and
     * summary 20,000 characters, URLs 8 KiB, each up to 6 bytes a character as escaped JSON), key, headers
     * and Kafka's record overhead, with a margin.
     */
    static final int RECORD_ROOM = 512 * 1024;

    /**
     * Largest content as UTF-8 JSON (escapes counted): with {@link #RECORD_ROOM} it keeps every raw event
     * within {@link EventLimits#MAX_RECORD_BYTES}, the topic's {@code max.message.bytes} and the producer's
     * {@code max.request.size}. 2 Mi characters of Japanese are 6 MiB and fit; 2 Mi control characters
     * would be 12 MiB and do not.
     */
    public static final int MAX_CONTENT_JSON_BYTES = EventLimits.MAX_RECORD_BYTES - RECORD_ROOM;

    /** Longest feed title and summary carried as hints (the push API's limits). */
    public static final int MAX_TITLE_CHARS = 2_000;
    public static final int MAX_SUMMARY_CHARS = 20_000;

    private RawArticles() {
    }

    /**
     * The ISO 639-1 code of a language tag ({@code en-US}, {@code pt_br}, {@code JA} → {@code en}, {@code pt},
     * {@code ja}); {@code null} for anything else (three-letter codes have no two-letter form to fall back on).
     */
    public static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return PRIMARY_LANGUAGE.matcher(primary).matches() ? primary : null;
    }

    /** A source name as a source id: lower case, runs of other characters as {@code -}, at most 64 characters. */
    public static String sourceId(String name) {
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}._]+", "-").replaceAll("^-+|-+$", "");
        if (id.isEmpty()) {
            id = "source";
        }
        return id.length() > 64 ? id.substring(0, 64) : id;
    }

    /**
     * A raw article to be built: how it came in and when; then its source, content and hints.
     * The id is the hash of the canonical URL when there is one, else of the content, so the same page
     * ingested twice, by any way, gets the same id.
     */
    public static Draft draft(IngestMethod method, Instant fetchedAt) {
        return new Draft(Objects.requireNonNull(method, "method"), Objects.requireNonNull(fetchedAt, "fetchedAt"));
    }

    /** The fields of a raw article as the ways in know them, named; {@link #build()} makes the event. */
    public static final class Draft {

        private final IngestMethod method;
        private final Instant fetchedAt;
        private String url;
        private String sourceId;
        private String sourceName;
        private Instant publishedAt;
        private String contentType;
        private String content;
        private String title;
        private String summary;
        private String languageTag;

        private Draft(IngestMethod method, Instant fetchedAt) {
            this.method = method;
            this.fetchedAt = fetchedAt;
        }

        /** The URL the article is known by, or null (then the id is the content's hash). */
        public Draft url(String url) {
            this.url = url;
            return this;
        }

        public Draft source(String id, String name) {
            this.sourceId = id;
            this.sourceName = name;
            return this;
        }

        public Draft publishedAt(Instant publishedAt) {
            this.publishedAt = publishedAt;
            return this;
        }

        /** The page or text as received ({@code text/html}, {@code text/plain}); already within the caps. */
        public Draft content(String contentType, String content) {
            this.contentType = contentType;
            this.content = content;
            return this;
        }

        /** The title and summary a feed or pusher gave, hints for extraction. */
        public Draft hints(String title, String summary) {
            this.title = title;
            this.summary = summary;
            return this;
        }

        /** A language tag; kept as its ISO 639-1 code ({@link #language(String)}), or dropped. */
        public Draft language(String tag) {
            this.languageTag = tag;
            return this;
        }

        /**
         * The raw article.
         *
         * @throws IllegalArgumentException when the URL is given but is no absolute http(s) URL
         */
        public RawArticle build() {
            String canonical = url == null ? null : ArticleIds.canonicalize(url);
            String text = wellFormed(content);
            String id = url == null ? ArticleIds.forContent(text) : ArticleIds.forUrl(url);
            return new RawArticle(id, url, canonical, wellFormed(sourceId), wellFormed(sourceName), fetchedAt,
                    publishedAt, contentType, text, wellFormed(title), wellFormed(summary),
                    RawArticles.language(languageTag), method);
        }
    }

    /**
     * The text with every unpaired surrogate (which JSON input may carry as {@code "\ud800"}, but no UTF-8
     * encoder writes) replaced by U+FFFD; the same string when there is none.
     */
    public static String wellFormed(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || (i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (!paired && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(paired ? c : '\uFFFD');
            }
        }
        return out == null ? s : out.toString();
    }

    /** The bytes of the text as a UTF-8 JSON string body, escapes included (Jackson's escaping). */
    public static long jsonBytes(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += jsonBytes(s.charAt(i));
        }
        return n;
    }

    private static int jsonBytes(char c) {
        if (c < 0x20) {
            return c == '\n' || c == '\t' || c == '\r' || c == '\b' || c == '\f' ? 2 : 6;
        }
        if (c == '"' || c == '\\') {
            return 2;
        }
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        // A surrogate pair is 4 bytes; counting each half as 3 over-counts, and a lone half becomes U+FFFD (3).
        return 3;
    }

    /** Whether a pushed content fits a raw event ({@link #MAX_CONTENT_JSON_BYTES}). */
    public static boolean fits(String content) {
        return content.length() <= RawArticle.MAX_CONTENT_CHARS && jsonBytes(content) <= MAX_CONTENT_JSON_BYTES;
    }

    /**
     * Cuts content to {@link RawArticle#MAX_CONTENT_CHARS} characters and {@link #MAX_CONTENT_JSON_BYTES}
     * bytes of JSON, never inside a surrogate pair (fetched pages and feed entries; pushes over it are refused).
     */
    public static String capped(String content) {
        if (content.length() <= RawArticle.MAX_CONTENT_CHARS && content.length() * 6L <= MAX_CONTENT_JSON_BYTES) {
            return content;
        }
        int limit = Math.min(content.length(), RawArticle.MAX_CONTENT_CHARS);
        long bytes = 0;
        int end = 0;
        while (end < limit) {
            bytes += jsonBytes(content.charAt(end));
            if (bytes > MAX_CONTENT_JSON_BYTES) {
                break;
            }
            end++;
        }
        if (end > 0 && end < content.length() && Character.isHighSurrogate(content.charAt(end - 1))) {
            end--;
        }
        return end == content.length() ? content : content.substring(0, end);
    }

    /** Cuts a hint (feed title, summary) to {@code max} characters, never inside a surrogate pair. */
    public static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
