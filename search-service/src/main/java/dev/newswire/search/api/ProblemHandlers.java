package dev.newswire.search.api;

import dev.newswire.runtime.problem.Problem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every error of the API into RFC 9457 problem details: the shared {@link Problem}'s members, written
 * by Micronaut's serialisation.
 */
final class ProblemHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);

    private ProblemHandlers() {
    }

    static MutableHttpResponse<Map<String, Object>> respond(HttpRequest<?> request, ProblemException e) {
        if (e.status().getCode() >= 500) {
            LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), e.getMessage(), e.getCause());
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("parameter", e.parameter());
        Problem problem = new Problem(e.type(), e.title(), e.status().getCode(), e.getMessage(), request.getPath(),
                extensions);
        return HttpResponse.<Map<String, Object>>status(e.status()).body(problem.members())
                .contentType(Problem.MEDIA_TYPE);
    }

    /** The API's own problems. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class ProblemExceptionHandler
            implements ExceptionHandler<ProblemException, HttpResponse<Map<String, Object>>> {
        @Override
        public HttpResponse<Map<String, Object>> handle(HttpRequest request, ProblemException exception) {
            return respond(request, exception);
        }
    }

    /** Errors of the framework (unknown route, method not allowed, unreadable request) in the same format. */
    @Singleton
    @Replaces(io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor.class)
    static class FrameworkErrors implements ErrorResponseProcessor<Map<String, Object>> {
        @Override
        public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
            // A server error's message is the exception's, which may name internals: the log has it, not the client.
            String detail = context.getErrors().isEmpty() || response.code() >= 500 ? response.reason()
                    : context.getErrors().get(0).getMessage();
            Problem problem = new Problem(ProblemTypes.HTTP, response.reason(), response.code(), detail,
                    context.getRequest().getPath(), null);
            return response.body(problem.members()).contentType(Problem.MEDIA_TYPE);
        }
    }
}
