package dev.newswire.search.api;

import io.micronaut.http.HttpStatus;

/** An error the API answers with a problem details body. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final String parameter;

    public ProblemException(HttpStatus status, String type, String title, String detail, String parameter) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.parameter = parameter;
    }

    /** A query or path parameter that is malformed or outside its limits (400). */
    public static ProblemException invalidParameter(String parameter, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_PARAMETER, "Invalid parameter",
                detail, parameter);
    }

    /** Elasticsearch refused the search as asked, and no single parameter is known to be at fault (400). */
    public static ProblemException refused(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_SEARCH, "Search refused", detail, null);
    }

    /** No article with that id (404). */
    public static ProblemException articleNotFound(String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Article not found",
                "no article with id " + id, "id");
    }

    /** Elasticsearch cannot be reached or has no index yet (503). */
    public static ProblemException unavailable(String detail, Throwable cause) {
        ProblemException e = new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
                "Search backend unavailable", detail, null);
        e.initCause(cause);
        return e;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String parameter() {
        return parameter;
    }
}
