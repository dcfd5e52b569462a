package dev.newswire.ingest.intake;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Why the intake refused a request, in its own terms: the HTTP API renders it as problem details
 * ({@code ApiExceptionHandler} maps the {@link Reason} to a status), another edge could answer otherwise.
 */
public class IngestRejection extends RuntimeException {

    /** Whose fault, and whether sending again can help. */
    public enum Reason {
        /** The request is wrong (a field, a URL): fix it. */
        INVALID,
        /** The request is too large for what a raw event or a batch holds. */
        TOO_LARGE,
        /** The request is well-formed but what it names cannot be ingested (not a page, not fetchable). */
        UNPROCESSABLE,
        /** The page's own server failed the fetch: sending again may help. */
        UPSTREAM_FAILED,
        /** Newswire cannot take it now (Kafka, a busy fetcher or host): send again later, nothing was lost. */
        UNAVAILABLE
    }

    private final Reason reason;
    private final String type;
    private final String title;
    private final List<FieldProblem> errors;
    private final Map<String, Object> extra;
    private final Duration retryAfter;

    /**
     * @param type       the kind of problem as a short slug ({@code invalid-article}), stable for clients
     * @param title      the kind of problem in words
     * @param errors     the fields at fault, if any
     * @param extra      further members of the answer ({@code acknowledged}, {@code maxBatchSize} …), if any
     * @param retryAfter when sending again makes sense, if known
     */
    public IngestRejection(Reason reason, String type, String title, String detail, List<FieldProblem> errors,
                           Map<String, Object> extra, Duration retryAfter) {
        super(detail);
        this.reason = reason;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extra = extra == null ? Map.of() : Map.copyOf(extra);
        this.retryAfter = retryAfter;
    }

    /** A rejection naming one field. */
    public static IngestRejection field(Reason reason, String type, String title, String field, String detail) {
        return new IngestRejection(reason, type, title, field + ": " + detail, FieldProblem.one(field, detail), null,
                null);
    }

    public Reason reason() {
        return reason;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, Object> extra() {
        return extra;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
