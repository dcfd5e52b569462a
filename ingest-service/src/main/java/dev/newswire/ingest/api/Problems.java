package dev.newswire.ingest.api;

import dev.newswire.runtime.problem.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details of this API: a type URI per kind of problem, and the bad fields named. The
 * object itself is the shared {@link Problem}; Spring MVC's own errors that {@link ApiExceptionHandler}
 * leaves to its base class come as Spring's {@code ProblemDetail}, which has the same members.
 */
final class Problems {

    static final String TYPE_BASE = "https://newswire.dev/problems/";

    private Problems() {
    }

    static Problem of(ApiException e, String instance) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (!e.errors().isEmpty()) {
            extensions.put("errors", e.errors());
        }
        extensions.putAll(e.extra());
        return new Problem(TYPE_BASE + e.type(), e.title(), e.status().value(), e.getMessage(),
                Problem.instanceOf(instance), extensions);
    }

    static ResponseEntity<Object> entity(ApiException e, String instance) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.retryAfter() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        return builder.body(of(e, instance).members());
    }

    /** For servlet filters, which answer before Spring MVC's message converters are involved. */
    static void write(HttpServletResponse response, JsonMapper json, ApiException e, String instance) throws IOException {
        response.setStatus(e.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (e.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        json.writeValue(response.getOutputStream(), of(e, instance).members());
    }
}
