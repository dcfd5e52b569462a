package dev.newswire.search.api;

import dev.newswire.search.query.SearchCriteria;
import dev.newswire.search.query.SearchCursor;
import dev.newswire.search.query.Sort;
import dev.newswire.search.text.Segmenter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads and validates the parameters of {@code GET /api/v1/search} into {@link SearchCriteria}. Every
 * violation is a {@link ProblemException} naming the parameter, so that clients learn exactly what to fix.
 */
public final class SearchParameters {

    private final SearchApiSettings limits;

    public SearchParameters(SearchApiSettings limits) {
        this.limits = limits;
    }

    /**
     * Validates the raw parameters.
     *
     * @param single the first value of a single-valued parameter, or {@code null}
     * @param multi  all values of a multi-valued (filter) parameter
     */
    public SearchCriteria parse(Function<String, String> single, Function<String, List<String>> multi) {
        String query = query(single.apply("q"));
        Sort sort = sort(single.apply("sort"));
        int size = size(single.apply("size"));
        Instant from = time("from", single.apply("from"), false);
        Instant to = time("to", single.apply("to"), true);
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.invalidParameter("from", "from (" + from + ") is after to (" + to + ")");
        }
        SearchCriteria criteria = new SearchCriteria(query, filter("topic", multi.apply("topic")),
                filter("person", multi.apply("person")), filter("organization", multi.apply("organization")),
                filter("place", multi.apply("place")), filter("source", multi.apply("source")),
                filter("lang", multi.apply("lang")), from, to, sort, size, null, originalsOnly(single.apply("duplicates")));
        String token = single.apply("cursor");
        if (token == null || token.isEmpty()) {
            return criteria;
        }
        SearchCursor cursor = SearchCursor.decode(token).orElseThrow(() ->
                ProblemException.invalidParameter("cursor", "not a cursor of this API; pass the cursor of the previous page unchanged"));
        if (cursor.sort() != sort || !cursor.fingerprint().equals(criteria.fingerprint())) {
            throw ProblemException.invalidParameter("cursor",
                    "the cursor belongs to another search; keep q, the filters and sort of the first page");
        }
        return new SearchCriteria(query, criteria.topics(), criteria.persons(), criteria.organizations(),
                criteria.places(), criteria.sources(), criteria.languages(), from, to, sort, size, cursor,
                criteria.originalsOnly());
    }

    private String query(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > limits.getMaxQueryLength()) {
            throw ProblemException.invalidParameter("q", "q has " + raw.length() + " characters; the limit is "
                    + limits.getMaxQueryLength());
        }
        if (raw.codePoints().anyMatch(cp -> Character.isISOControl(cp) && !Character.isWhitespace(cp))) {
            throw ProblemException.invalidParameter("q", "q contains control characters");
        }
        return Segmenter.normalize(raw).strip();
    }

    /** {@code include} (the default) or {@code exclude}: whether near-duplicates of earlier articles are left out. */
    private static boolean originalsOnly(String raw) {
        if (raw == null || raw.isEmpty() || raw.equals("include")) {
            return false;
        }
        if (raw.equals("exclude")) {
            return true;
        }
        throw ProblemException.invalidParameter("duplicates", "unknown value '" + abbreviate(raw)
                + "'; use include or exclude");
    }

    private static Sort sort(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Sort.RELEVANCE;
        }
        return Sort.fromParameter(raw).orElseThrow(() ->
                ProblemException.invalidParameter("sort", "unknown sort '" + abbreviate(raw) + "'; use relevance or newest"));
    }

    private int size(String raw) {
        if (raw == null || raw.isEmpty()) {
            return limits.getDefaultSize();
        }
        int size;
        try {
            size = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidParameter("size", "size '" + abbreviate(raw) + "' is not a whole number");
        }
        if (size < 1 || size > limits.getMaxSize()) {
            throw ProblemException.invalidParameter("size", "size must be between 1 and " + limits.getMaxSize()
                    + ", got " + size);
        }
        return size;
    }

    /**
     * An ISO-8601 date ({@code 2025-11-17}, UTC; as {@code to} it includes the whole day) or date-time with
     * an offset ({@code 2025-11-17T09:00:00+09:00}).
     */
    static Instant time(String name, String raw, boolean endOfDay) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            if (raw.length() == 10) {
                LocalDate date = LocalDate.parse(raw);
                return endOfDay ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            Instant instant = OffsetDateTime.parse(raw).toInstant();
            if (instant.isBefore(Instant.parse("0000-01-01T00:00:00Z"))
                    || instant.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw ProblemException.invalidParameter(name, name + " is out of range");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter(name, name + " '" + abbreviate(raw)
                    + "' is not an ISO-8601 date (2025-11-17) or date-time with offset (2025-11-17T09:00:00Z)");
        }
    }

    private List<String> filter(String name, List<String> raw) {
        List<String> values = new ArrayList<>();
        for (String value : raw == null ? List.<String>of() : raw) {
            if (value == null || value.isBlank()) {
                continue;
            }
            if (value.length() > limits.getMaxFilterValueLength()) {
                throw ProblemException.invalidParameter(name, name + " value has " + value.length()
                        + " characters; the limit is " + limits.getMaxFilterValueLength());
            }
            values.add(Segmenter.normalize(value).strip());
        }
        if (values.size() > limits.getMaxFilterValues()) {
            throw ProblemException.invalidParameter(name, values.size() + " values of " + name + "; the limit is "
                    + limits.getMaxFilterValues());
        }
        return List.copyOf(values);
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
    }
}
