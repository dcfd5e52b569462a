package dev.newswire.search.api;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Limits of the search API ({@code search.api.*}); every one is answered with a 400 problem when exceeded. */
@ConfigurationProperties("search.api")
public class SearchApiSettings {

    /** Hits per page when {@code size} is not given. */
    private int defaultSize = 10;

    /** Largest {@code size}. */
    private int maxSize = 100;

    /** Longest {@code q}, in characters. */
    private int maxQueryLength = 500;

    /** Most values of one filter parameter (e.g. {@code topic=a&topic=b}). */
    private int maxFilterValues = 20;

    /** Longest filter value, in characters. */
    private int maxFilterValueLength = 200;

    /** Values per facet. */
    private int facetSize = 20;

    /** Most topics listed by {@code /api/v1/topics}. */
    private int maxTopics = 1000;

    /**
     * Relevance ranking favours fresh news: an article this much older than a day keeps half of its
     * freshness bonus (an Elasticsearch time unit, e.g. {@code 14d}).
     */
    private String freshnessScale = "14d";

    /** The share of its text score an article keeps however old it is (0–1; 1 turns freshness off). */
    private double freshnessFloor = 0.3;

    public int getDefaultSize() {
        return defaultSize;
    }

    public void setDefaultSize(int defaultSize) {
        this.defaultSize = defaultSize;
    }

    public int getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(int maxSize) {
        this.maxSize = maxSize;
    }

    public int getMaxQueryLength() {
        return maxQueryLength;
    }

    public void setMaxQueryLength(int maxQueryLength) {
        this.maxQueryLength = maxQueryLength;
    }

    public int getMaxFilterValues() {
        return maxFilterValues;
    }

    public void setMaxFilterValues(int maxFilterValues) {
        this.maxFilterValues = maxFilterValues;
    }

    public int getMaxFilterValueLength() {
        return maxFilterValueLength;
    }

    public void setMaxFilterValueLength(int maxFilterValueLength) {
        this.maxFilterValueLength = maxFilterValueLength;
    }

    public int getFacetSize() {
        return facetSize;
    }

    public void setFacetSize(int facetSize) {
        this.facetSize = facetSize;
    }

    public String getFreshnessScale() {
        return freshnessScale;
    }

    public void setFreshnessScale(String freshnessScale) {
        this.freshnessScale = freshnessScale;
    }

    public double getFreshnessFloor() {
        return freshnessFloor;
    }

    public void setFreshnessFloor(double freshnessFloor) {
        this.freshnessFloor = freshnessFloor;
    }

    public int getMaxTopics() {
        return maxTopics;
    }

    public void setMaxTopics(int maxTopics) {
        this.maxTopics = maxTopics;
    }
}
