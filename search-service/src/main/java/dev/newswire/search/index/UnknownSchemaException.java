package dev.newswire.search.index;

/** A record whose {@code schema} header names an event or version this indexer does not read: dead-lettered. */
public class UnknownSchemaException extends MalformedEventException {

    public UnknownSchemaException(String message) {
        super(message);
    }
}
