package dev.newswire.enrich.service.deadletter;

/**
 * The record's {@code schema} header names an event this service does not read (another event, or a
 * version of RawArticle it does not know): reading it as a RawArticle/v1 could only guess.
 */
public class UnknownSchemaException extends RuntimeException implements PermanentFailure {

    public UnknownSchemaException(String message) {
        super(message);
    }
}
