package dev.newswire.enrich.extract;

/**
 * The input holds no article text at all (an empty page, a page of only navigation, an unsupported
 * content type). Permanent: retrying the same input cannot succeed, so the stream dead-letters it.
 */
public class NothingExtractableException extends RuntimeException {

    public NothingExtractableException(String message) {
        super(message);
    }
}
