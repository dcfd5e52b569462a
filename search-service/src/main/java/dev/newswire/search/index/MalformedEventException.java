package dev.newswire.search.index;

/** A record that is not a readable {@code EnrichedArticle}: a permanent failure, dead-lettered. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
