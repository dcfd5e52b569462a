package dev.newswire.enrich.service.deadletter;

/** The record's value is not a RawArticle (not JSON, or without an id). */
public class MalformedEventException extends RuntimeException implements PermanentFailure {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
