package dev.newswire.ingest.source;

import java.util.Map;

/** A source definition with bad fields; {@link #fieldErrors()} maps each field to what is wrong with it. */
public class InvalidSourceException extends Exception {

    private final Map<String, String> fieldErrors;

    public InvalidSourceException(Map<String, String> fieldErrors) {
        super("invalid source: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
