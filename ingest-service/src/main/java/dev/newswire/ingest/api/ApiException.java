package dev.newswire.ingest.api;

import dev.newswire.ingest.intake.FieldProblem;
import dev.newswire.ingest.intake.IngestRejection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An error answer of the API, rendered as RFC 9457 problem details by {@link ApiExceptionHandler}. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldProblem> errors;
    private final Map<String, Object> extra;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors,
                        Map<String, Object> extra, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extra = extra == null ? Map.of() : Map.copyOf(extra);
        this.retryAfter = retryAfter;
    }

    /** The API's answer to a refusal of the intake: its reason as an HTTP status. */
    public static ApiException of(IngestRejection rejection) {
        HttpStatus status = switch (rejection.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UPSTREAM_FAILED -> HttpStatus.BAD_GATEWAY;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        return new ApiException(status, rejection.type(), rejection.title(), rejection.getMessage(), rejection.errors(),
                rejection.extra(), rejection.retryAfter());
    }

    /** A 4xx naming one field. */
    public static ApiException field(HttpStatus status, String type, String title, String field, String detail) {
        return new ApiException(status, type, title, field + ": " + detail, List.of(new FieldProblem(field, detail)),
                null, null);
    }

    public HttpStatus status() {
        return status;
    }

    /** Last segment of the problem type URI, e.g. {@code invalid-article}. */
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
