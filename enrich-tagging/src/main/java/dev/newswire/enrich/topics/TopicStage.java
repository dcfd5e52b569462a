package dev.newswire.enrich.topics;

import dev.newswire.enrich.ArticleDraft;
import dev.newswire.enrich.EnrichmentStage;

/** Fills {@code topics} from the stored queries; runs after the entities, which queries may name. */
public final class TopicStage implements EnrichmentStage {

    private final TopicMatcher matcher;

    public TopicStage(TopicMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public ArticleDraft apply(ArticleDraft draft) {
        return draft.withTopics(matcher.match(draft.language(), draft.title(), draft.taggedBody(), draft.entities()));
    }
}
