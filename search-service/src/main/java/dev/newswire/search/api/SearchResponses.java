package dev.newswire.search.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.newswire.model.EntityType;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The bodies of the search API's answers. */
public final class SearchResponses {

    private SearchResponses() {
    }

    /**
     * A page of results.
     *
     * @param total  number of matching articles
     * @param hits   this page
     * @param facets counts over all matching articles
     * @param cursor token for the next page ({@code cursor=}), absent on the last page
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SearchPage(long total, List<Hit> hits, Facets facets, String cursor) {
    }

    /**
     * One article in a result list.
     *
     * @param snippet     an HTML fragment: the article's text HTML-escaped, with the matched words in {@code <em>}
     * @param duplicateOf the id of an earlier article this one is a near-duplicate of (a re-published wire
     *                    story), absent for an original
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String id, String title, String url, String source, String language, Instant publishedAt,
                      String snippet, List<TopicRef> topics, List<EntityRef> entities, String duplicateOf) {
    }

    /** A topic of a hit, with its labels by language. */
    @Serdeable
    public record TopicRef(String id, Map<String, String> labels) {
    }

    /** An entity of a hit. */
    @Serdeable
    public record EntityRef(String id, String name, EntityType type) {
    }

    /**
     * Counts of the matching articles per value.
     *
     * @param publishedInterval {@code day} or {@code month}: the width of the {@code published} buckets
     */
    @Serdeable
    public record Facets(List<FacetValue> topics, List<FacetValue> persons, List<FacetValue> organizations,
                         List<FacetValue> places, List<FacetValue> sources, List<FacetValue> languages,
                         List<DateCount> published, String publishedInterval) {
    }

    /**
     * One facet value.
     *
     * @param value what to pass to the matching filter parameter
     * @param label how to show it
     * @param count matching articles with it
     */
    @Serdeable
    public record FacetValue(String value, String label, long count) {
    }

    /** Articles published in the bucket starting at {@code date} (yyyy-MM-dd, UTC). */
    @Serdeable
    public record DateCount(String date, long count) {
    }

    /** Articles like a given one. */
    @Serdeable
    public record SimilarArticles(String id, List<Hit> hits) {
    }

    /** Every topic with its article count. */
    @Serdeable
    public record TopicList(List<FacetValue> topics) {
    }
}
