package dev.newswire.ingest.source;

/** The sources topic could not take a change in time; nothing was changed. */
public class SourceStoreException extends RuntimeException {

    public SourceStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
