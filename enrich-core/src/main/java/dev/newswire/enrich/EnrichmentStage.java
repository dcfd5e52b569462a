package dev.newswire.enrich;

/**
 * One step of the enrichment chain: takes the article as far as it is enriched and returns it one
 * step further. Stages are pure functions of their input (plus immutable knowledge loaded at
 * construction, such as a model or a gazetteer), so the stream service and the offline CLI compose
 * the very same chain.
 */
@FunctionalInterface
public interface EnrichmentStage {

    ArticleDraft apply(ArticleDraft draft);

    /** This stage, then {@code next}. */
    default EnrichmentStage andThen(EnrichmentStage next) {
        return draft -> next.apply(apply(draft));
    }
}
