package dev.newswire.search.query;

import java.util.Locale;
import java.util.Optional;

/** Orders of search results. */
public enum Sort {
    /** Best match first; ties newest first. */
    RELEVANCE,
    /** Newest publication first. */
    NEWEST;

    /** The API spelling ({@code relevance}, {@code newest}). */
    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sort named by an API parameter value, if there is one. */
    public static Optional<Sort> fromParameter(String value) {
        for (Sort sort : values()) {
            if (sort.parameterValue().equals(value)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}
