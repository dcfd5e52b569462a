package dev.newswire.ingest.feed;

/** The document is not a feed this service can read; the message says why, for the API answer. */
public class FeedParseException extends Exception {

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
