package dev.newswire.ingest.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page (what Tomcat refuses before any controller, e.g. a malformed request line
 * or an encoded slash) as RFC 9457 problem details, like every other answer of the service.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status.is5xxServerError() ? "the request failed unexpectedly; the service log has the details"
                : "the request was refused: " + status.getReasonPhrase();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return Problems.entity(new ApiException(status, status.is5xxServerError() ? "internal-error" : "bad-request",
                status.getReasonPhrase(), detail, List.of(), null, null), uri instanceof String s ? s : null);
    }
}
