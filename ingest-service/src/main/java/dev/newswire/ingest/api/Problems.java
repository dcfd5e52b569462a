package dev.newswire.ingest.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem details of this API: a type URI per kind of problem, and the bad fields named. */
final class Problems {

    static final String TYPE_BASE = "https://newswire.dev/problems/";

    private Problems() {
    }

    static ProblemDetail of(ApiException e, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(URI.create(TYPE_BASE + e.type()));
        problem.setTitle(e.title());
        URI uri = instanceUri(instance);
        if (uri != null) {
            problem.setInstance(uri);
        }
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        e.extra().forEach(problem::setProperty);
        return problem;
    }

    static ResponseEntity<Object> entity(ApiException e, String instance) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.retryAfter() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        return builder.body(of(e, instance));
    }

    /** For servlet filters, which answer before Spring MVC's message converters are involved. */
    static void write(HttpServletResponse response, JsonMapper json, ApiException e, String instance) throws IOException {
        ProblemDetail problem = of(e, instance);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(e.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (e.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        json.writeValue(response.getOutputStream(), body);
    }

    /** The request path as the problem's instance; none when it is no valid URI reference (a hostile path). */
    private static URI instanceUri(String instance) {
        if (instance == null) {
            return null;
        }
        try {
            return URI.create(instance);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
