package dev.newswire.search.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}).
 *
 * @param type      URI reference naming the kind of problem
 * @param title     short summary of the kind of problem
 * @param status    HTTP status
 * @param detail    what went wrong this time
 * @param instance  the request path
 * @param parameter the query or path parameter at fault, for invalid parameters
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String parameter) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
