package dev.newswire.runtime.stream;

/**
 * A record whose {@code schema} header names an event or version the stage does not read: reading it as
 * the one it knows could only guess, so it is dead-lettered.
 */
public class UnknownSchemaException extends MalformedEventException {

    public UnknownSchemaException(String message) {
        super(message);
    }
}
