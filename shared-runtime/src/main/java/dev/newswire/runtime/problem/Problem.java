package dev.newswire.runtime.problem;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem details object as every Newswire HTTP edge answers it, free of any framework: the
 * ingest-service (Spring MVC, its servlet filters and Tomcat's own refusals) and the search-service
 * (Micronaut) render {@link #members()} with their own JSON writer, so the members, their order and the
 * rule for absent ones are decided here once.
 *
 * @param type       URI reference naming the kind of problem
 * @param title      short summary of the kind of problem
 * @param status     the HTTP status
 * @param detail     what went wrong this time
 * @param instance   the request path, or null
 * @param extensions further members ({@code errors}, {@code parameter} …), in the order given
 */
public record Problem(String type, String title, int status, String detail, String instance,
                      Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /**
     * The JSON object: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} in the
     * RFC's order, then the extensions; a member whose value is null is left out.
     */
    public Map<String, Object> members() {
        Map<String, Object> members = new LinkedHashMap<>();
        put(members, "type", type);
        put(members, "title", title);
        members.put("status", status);
        put(members, "detail", detail);
        put(members, "instance", instance);
        extensions.forEach((name, value) -> put(members, name, value));
        return members;
    }

    /** A request path as an {@code instance}, or null when it is no valid URI reference: a hostile path is not echoed. */
    public static String instanceOf(String path) {
        if (path == null) {
            return null;
        }
        try {
            return URI.create(path).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void put(Map<String, Object> members, String name, Object value) {
        if (value != null) {
            members.put(name, value);
        }
    }
}
