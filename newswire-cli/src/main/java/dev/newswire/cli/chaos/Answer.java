package dev.newswire.cli.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP answer of the ingest API, reduced to what the suite judges: the status, the problem's title and
 * detail (RFC 9457) or the ids it acknowledged.
 *
 * @param status      HTTP status, or 0 when there was no answer (connection refused or reset, time out)
 * @param contentType the answer's media type
 * @param body        the body as text (cut)
 * @param error       why there was no answer
 */
record Answer(int status, String contentType, String body, String error) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Answer failed(Exception e) {
        return new Answer(0, null, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    boolean accepted() {
        return status == 202 || status == 200;
    }

    boolean refused() {
        return status >= 400 && status < 500;
    }

    /** A 502 or 504 problem: the API refused what an upstream server sent it, and said so. */
    boolean upstreamRefused() {
        return (status == 502 || status == 504) && isProblem();
    }

    boolean isProblem() {
        return contentType != null && contentType.startsWith("application/problem+json");
    }

    /** The ids an accepted answer acknowledged. */
    List<String> ids() {
        List<String> ids = new ArrayList<>();
        JsonNode root = json();
        if (root != null) {
            root.path("ids").forEach(id -> ids.add(id.asText()));
        }
        return ids;
    }

    /** How many items an accepted answer rejected. */
    int rejected() {
        JsonNode root = json();
        return root == null ? 0 : root.path("rejected").asInt();
    }

    /** A line saying what the answer was: status with the problem's title and detail, or why there was none. */
    String describe() {
        if (status == 0) {
            return "no answer: " + error;
        }
        JsonNode root = json();
        StringBuilder s = new StringBuilder("HTTP ").append(status);
        if (root != null && root.isObject() && (root.has("title") || root.has("detail"))) {
            s.append(' ').append(root.path("title").asText(""));
            String detail = root.path("detail").asText("");
            if (!detail.isBlank()) {
                s.append(": ").append(detail);
            }
            if (!isProblem()) {
                s.append(" (not application/problem+json)");
            }
        } else if (root != null && root.has("rejected") && root.path("rejected").asInt() > 0) {
            s.append(" rejected: ").append(firstItemError(root));
        } else if (body != null && !body.isBlank() && !accepted()) {
            s.append(' ').append(body.length() > 120 ? body.substring(0, 120) + "…" : body);
        }
        return s.toString();
    }

    private static String firstItemError(JsonNode root) {
        for (JsonNode item : root.path("items")) {
            for (JsonNode error : item.path("errors")) {
                return error.path("field").asText("") + " " + error.path("message").asText(error.toString());
            }
        }
        return "";
    }

    private JsonNode json() {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }
}
