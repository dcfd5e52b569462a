package dev.newswire.enrich.keywords;

import dev.newswire.enrich.ArticleDraft;
import dev.newswire.enrich.EnrichmentStage;

/** Fills {@code keywords} and {@code summary}; runs after the entities, which are keyword candidates. */
public final class KeywordStage implements EnrichmentStage {

    private final KeywordExtractor keywords = new KeywordExtractor();
    private final LeadSummary summary = new LeadSummary();

    @Override
    public ArticleDraft apply(ArticleDraft draft) {
        return draft.withKeywords(keywords.extract(draft.title(), draft.taggedBody(), draft.language(), draft.entities()))
                .withSummary(summary.summarize(draft.taggedBody(), draft.language()));
    }
}
