package dev.newswire.model;

/** Kafka topic names of the pipeline. The only place they are spelled in Java. */
public final class Topics {

    /** Raw articles from every source, key = article id. */
    public static final String RAW = "news.raw.v1";

    /** Enriched articles, key = article id. */
    public static final String ENRICHED = "news.enriched.v1";

    /** Raw articles the enrichment could not process (permanent failures). */
    public static final String RAW_DLQ = RAW + ".dlq";

    /** Enriched articles the indexer could not index (permanent failures). */
    public static final String ENRICHED_DLQ = ENRICHED + ".dlq";

    /**
     * The ingest-service's feed sources and their polling state, key = source id, compacted (a
     * tombstone for a removed source): what it reads back at start.
     */
    public static final String SOURCES = "news.sources.v1";

    /** Consumer group of the enrich-service. */
    public static final String ENRICH_GROUP = "enrich-service";

    /** Consumer group of the search-service indexer. */
    public static final String INDEXER_GROUP = "search-indexer";

    private Topics() {
    }
}
