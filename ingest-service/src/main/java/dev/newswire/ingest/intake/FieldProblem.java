package dev.newswire.ingest.intake;

import java.util.List;

/**
 * One bad input, named.
 *
 * @param field  the JSON field, query parameter or header ({@code url}, {@code content}, {@code Content-Type},
 *               {@code body} for the request body as a whole)
 * @param detail what is wrong with it
 */
public record FieldProblem(String field, String detail) {

    /** The one problem, as the list that answers carry. */
    public static List<FieldProblem> one(String field, String detail) {
        return List.of(new FieldProblem(field, detail));
    }
}
