package dev.newswire.enrich.language;

import dev.newswire.enrich.ArticleDraft;
import dev.newswire.enrich.EnrichmentStage;

/**
 * Sets the article's language from its text: the body where there is one (it is the longest and
 * surest evidence), else the title. Where the text cannot tell, the language the page or the source
 * declared stays.
 */
public final class LanguageStage implements EnrichmentStage {

    private final LanguageIdentifier identifier;

    public LanguageStage(LanguageIdentifier identifier) {
        this.identifier = identifier;
    }

    @Override
    public ArticleDraft apply(ArticleDraft draft) {
        String text = draft.body() != null && !draft.body().isBlank() ? draft.body() : draft.title();
        String detected = identifier.identify(text);
        if (detected == null && draft.title() != null && text != draft.title()) {
            detected = identifier.identify(draft.title());
        }
        if (detected != null) {
            return draft.withLanguage(detected);
        }
        String declared = draft.language() != null ? draft.language() : draft.raw().language();
        return draft.withLanguage(declared);
    }
}
