package dev.newswire.ingest.api;

/**
 * One bad input, named.
 *
 * @param field  the JSON field, query parameter or header ({@code url}, {@code content}, {@code Content-Type},
 *               {@code body} for the request body as a whole)
 * @param detail what is wrong with it
 */
public record FieldProblem(String field, String detail) {
}
