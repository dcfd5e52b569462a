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

    public int getMaxTopics() {
        return maxTopics;
    }

    public void setMaxTopics(int maxTopics) {
        this.maxTopics = maxTopics;
    }
}
