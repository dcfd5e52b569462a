package dev.newswire.runtime.stream;

/**
 * Marks an exception that retrying cannot cure: the record goes to the stage's dead-letter topic at once,
 * named by the exception's class and message, and the partition moves on.
 */
public interface PermanentFailure {
}
