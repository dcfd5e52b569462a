package dev.newswire.search;

import io.micronaut.runtime.Micronaut;

/** Starts the search-service: the Kafka → Elasticsearch indexer and the search API. */
public final class SearchApplication {

    private SearchApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(SearchApplication.class, args);
    }
}
