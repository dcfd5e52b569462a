package dev.newswire.enrich.service.deadletter;

import dev.newswire.runtime.stream.PermanentFailure;

/**
 * The raw article's content is longer than {@link dev.newswire.model.RawArticle#MAX_CONTENT_CHARS},
 * the most the ingest-service accepts: the record did not come through it, and is not enriched.
 */
public class ContentTooLargeException extends RuntimeException implements PermanentFailure {

    public ContentTooLargeException(String message) {
        super(message);
    }
}
