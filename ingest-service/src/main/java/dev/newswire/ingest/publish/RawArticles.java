package dev.newswire.ingest.publish;

import dev.newswire.model.ArticleIds;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/** Builds {@link RawArticle}s the same way for every way in: ids, canonical URLs, language hints. */
public final class RawArticles {

    private static final Pattern PRIMARY_LANGUAGE = Pattern.compile("[a-z]{2}");

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
     * A raw article. The id is the hash of the canonical URL when there is one, else of the content, so the
     * same page ingested twice, by any way, gets the same id.
     *
     * @throws IllegalArgumentException when {@code url} is given but is no absolute http(s) URL
     */
    public static RawArticle create(String url, String sourceId, String sourceName, Instant fetchedAt,
                                    Instant publishedAt, String contentType, String content, String title,
                                    String summary, String languageTag, IngestMethod method) {
        String canonical = url == null ? null : ArticleIds.canonicalize(url);
        String id = url == null ? ArticleIds.forContent(content) : ArticleIds.forUrl(url);
        return new RawArticle(id, url, canonical, sourceId, sourceName, fetchedAt, publishedAt, contentType, content,
                title, summary, language(languageTag), method);
    }

    /** Cuts content to {@link RawArticle#MAX_CONTENT_CHARS} (fetched pages only; pushes over it are refused). */
    public static String capped(String content) {
        if (content.length() <= RawArticle.MAX_CONTENT_CHARS) {
            return content;
        }
        int end = RawArticle.MAX_CONTENT_CHARS;
        if (Character.isHighSurrogate(content.charAt(end - 1))) {
            end--;
        }
        return content.substring(0, end);
    }
}
