package dev.newswire.enrich.service.deadletter;

/**
 * Marks an exception that retrying cannot cure: the record goes to the dead-letter topic at once,
 * named by this exception's class and message.
 */
public interface PermanentFailure {
}
