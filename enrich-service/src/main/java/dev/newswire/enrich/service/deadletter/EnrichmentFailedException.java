package dev.newswire.enrich.service.deadletter;

import dev.newswire.runtime.stream.PermanentFailure;

/**
 * A stage of the chain threw on an article. The stages are pure functions of the article, so the
 * same article would fail the same way again: permanent.
 */
public class EnrichmentFailedException extends RuntimeException implements PermanentFailure {

    public EnrichmentFailedException(String articleId, Throwable cause) {
        super("enrichment of article " + articleId + " failed: " + cause, cause);
    }
}
