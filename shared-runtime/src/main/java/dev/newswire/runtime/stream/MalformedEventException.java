package dev.newswire.runtime.stream;

/** A record that is not a readable event of the kind its topic carries (no value, not JSON, no id): dead-lettered. */
public class MalformedEventException extends RuntimeException implements PermanentFailure {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
