package dev.newswire.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An article as it arrived, before any cleaning: event {@value #SCHEMA} on {@link Topics#RAW}.
 *
 * @param id            sha-256 of the canonical URL, or of the normalised content when there is no URL
 *                      ({@link ArticleIds})
 * @param url           the URL as given by the source, if any
 * @param canonicalUrl  the canonical form of {@code url} ({@link ArticleIds#canonicalize})
 * @param sourceId      stable id of the source (feed id, publisher, "push", "file")
 * @param sourceName    human-readable source name
 * @param fetchedAt     when Newswire fetched or received it
 * @param publishedAt   publication time if the source said so
 * @param contentType   {@code text/html}, {@code text/plain} or {@code application/json}
 * @param content       the raw page or text, at most {@link #MAX_CONTENT_CHARS} characters
 * @param feedTitle     the title a feed or pusher gave, a hint for extraction
 * @param feedSummary   the summary a feed gave, a hint for extraction
 * @param language      ISO 639-1 language hint, if the source declared one
 * @param ingestMethod  how it entered Newswire
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RawArticle(
        String id,
        String url,
        String canonicalUrl,
        String sourceId,
        String sourceName,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant fetchedAt,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant publishedAt,
        String contentType,
        String content,
        String feedTitle,
        String feedSummary,
        String language,
        IngestMethod ingestMethod) {

    /** Value of the {@link EventHeaders#SCHEMA} header. */
    public static final String SCHEMA = "RawArticle/v1";

    /** Cap on {@link #content()}: 2 MiB of characters, far above any real article page. */
    public static final int MAX_CONTENT_CHARS = 2 * 1024 * 1024;
}
