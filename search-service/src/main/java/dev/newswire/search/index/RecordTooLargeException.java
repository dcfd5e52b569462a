package dev.newswire.search.index;

/** A record larger than {@code indexer.max-record-bytes}: dead-lettered without being parsed. */
public class RecordTooLargeException extends RuntimeException {

    public RecordTooLargeException(String message) {
        super(message);
    }
}
