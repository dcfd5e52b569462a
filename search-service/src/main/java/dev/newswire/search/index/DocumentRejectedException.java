package dev.newswire.search.index;

/**
 * Elasticsearch refused a document for good (e.g. a mapping rejection): a permanent failure, dead-lettered.
 * The message carries Elasticsearch's error type and reason.
 */
public class DocumentRejectedException extends RuntimeException {

    public DocumentRejectedException(String message) {
        super(message);
    }
}
