package dev.newswire.ingest.intake;

import java.time.Instant;

/**
 * A validated pushed article.
 *
 * @param url         absolute http(s) URL, or {@code null}
 * @param title       title, or {@code null}
 * @param content     the text or HTML, or {@code null} when only the URL was given (the page is then fetched)
 * @param contentType {@code text/plain} for {@code content}, {@code text/html} for {@code html}
 * @param publishedAt publication time, or {@code null}
 * @param summary     summary, or {@code null}
 * @param sourceId    the article's source id
 * @param sourceName  the article's source name
 * @param language    ISO 639-1 code, or {@code null}
 */
public record PushArticle(String url, String title, String content, String contentType, Instant publishedAt,
                          String summary, String sourceId, String sourceName, String language) {
}
