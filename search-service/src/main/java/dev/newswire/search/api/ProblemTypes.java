package dev.newswire.search.api;

/** The {@code type} URIs of the API's problems. */
public final class ProblemTypes {

    private static final String PREFIX = "urn:newswire:problem:";

    public static final String INVALID_PARAMETER = PREFIX + "invalid-parameter";
    public static final String INVALID_SEARCH = PREFIX + "invalid-search";
    public static final String NOT_FOUND = PREFIX + "not-found";
    public static final String UNAVAILABLE = PREFIX + "unavailable";

    /** Errors raised by the HTTP layer itself (unknown route, wrong method); RFC 9457's default type. */
    public static final String HTTP = "about:blank";

    private ProblemTypes() {
    }
}
