package dev.newswire.enrich.dedup;

import dev.newswire.enrich.ArticleDraft;
import dev.newswire.enrich.EnrichmentStage;

/**
 * Fills {@code simhash} from the body (the title too when there is no body) and
 * {@code duplicateOf} from the injected index of articles seen before.
 */
public final class SimHashStage implements EnrichmentStage {

    private final NearDuplicateIndex index;

    public SimHashStage(NearDuplicateIndex index) {
        this.index = index;
    }

    @Override
    public ArticleDraft apply(ArticleDraft draft) {
        String text = draft.body() != null && !draft.body().isBlank() ? draft.body() : draft.title();
        if (text == null || text.isBlank()) {
            return draft;
        }
        long hash = SimHash.of(text, draft.language());
        String duplicateOf = index.findAndAdd(draft.raw().id(), hash).orElse(null);
        return draft.withSimhash(SimHash.hex(hash), duplicateOf);
    }
}
