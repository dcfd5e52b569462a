package dev.newswire.ingest.api;

import dev.newswire.ingest.intake.FieldProblem;
import dev.newswire.ingest.intake.IngestRejection;
import dev.newswire.ingest.source.SourceStoreException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as RFC 9457 problem details ({@code application/problem+json}): ours
 * ({@link ApiException}, and the intake's {@link IngestRejection}), Spring MVC's own (415, 405, 404 … via {@link ResponseEntityExceptionHandler}),
 * and an oversized body (413).
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
        if (e.status().is5xxServerError()) {
            log.warn("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), e.status().value(),
                    e.getMessage());
        }
        return Problems.entity(e, request.getRequestURI());
    }

    @ExceptionHandler(IngestRejection.class)
    ResponseEntity<Object> rejected(IngestRejection e, HttpServletRequest request) {
        return api(ApiException.of(e), request);
    }

    @ExceptionHandler(InterruptedException.class)
    ResponseEntity<Object> interrupted(InterruptedException e, HttpServletRequest request) {
        Thread.currentThread().interrupt();
        return Problems.entity(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "shutting-down", "Shutting Down",
                "the service is stopping; send again", null, null, null), request.getRequestURI());
    }

    /** A source change the sources topic did not take: nothing was changed, send it again. */
    @ExceptionHandler(SourceStoreException.class)
    ResponseEntity<Object> sourceStore(SourceStoreException e, HttpServletRequest request) {
        return api(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "source-store-unavailable", "Source Store Unavailable",
                e.getMessage() + "; nothing was changed, send again", null, null, Duration.ofSeconds(5)), request);
    }

    /** Anything unforeseen: logged with its stack trace, answered as a problem without internals. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Object> unexpected(RuntimeException e, HttpServletRequest request) {
        log.error("{} {} failed unexpectedly", request.getMethod(), request.getRequestURI(), e);
        return Problems.entity(new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal Server Error", "the request failed unexpectedly; the service log has the details", null,
                null, null), request.getRequestURI());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = ex;
        while (cause != null) {
            if (cause instanceof BodySizeFilter.BodyTooLargeException tooLarge) {
                return Problems.entity(BodySizeFilter.tooLarge(tooLarge.maxBytes()), path(request));
            }
            if (cause instanceof BodySizeFilter.BodiesInFlightException) {
                return Problems.entity(BodySizeFilter.busy(), path(request));
            }
            cause = cause.getCause();
        }
        String detail = ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                ? "is empty" : "cannot be read";
        return Problems.entity(ApiException.field(HttpStatus.BAD_REQUEST, "invalid-body", "Invalid Body", "body",
                detail), path(request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        List<String> supported = ex.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
        String given = ex.getContentType() == null ? "none" : ex.getContentType().toString();
        ApiException e = new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported Media Type", "Content-Type: " + given + " is not accepted here; use one of " + supported,
                FieldProblem.one(HttpHeaders.CONTENT_TYPE, given + " is not accepted here; use one of " + supported),
                java.util.Map.of("supported", supported), null);
        ResponseEntity<Object> entity = Problems.entity(e, path(request));
        return ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders())
                .header(HttpHeaders.ACCEPT, String.join(", ", supported)).body(entity.getBody());
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }
}
