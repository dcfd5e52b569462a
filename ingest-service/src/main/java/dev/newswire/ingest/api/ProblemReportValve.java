package dev.newswire.ingest.api;

import dev.newswire.runtime.problem.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own refusals, made before any servlet or filter sees the request (an encoded slash or NUL, a
 * backslash, a malformed request line), as RFC 9457 problem details instead of Tomcat's HTML page.
 * Installed as the host's error report valve ({@link WebServerConfiguration}).
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status >= 500 ? "the request failed unexpectedly; the service log has the details"
                : "the server refused the request as malformed (e.g. an encoded '/', '\\\\' or NUL in the path)";
        String type = status >= 500 ? "internal-error" : "rejected-request";
        try {
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + Problems.TYPE_BASE + type + "\",\"title\":\"" + title + "\",\"status\":"
                        + status + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the answer already started: nothing more to tell the client.
        }
    }
}
