package dev.newswire.search.index;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.newswire.model.EnrichedArticle;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The document indexed for an article: the event's own fields at the top level (so {@code _source} reads
 * back as an {@link EnrichedArticle}) and the derived search fields under {@code search}.
 */
@Serdeable
public record ArticleDocument(@JsonUnwrapped EnrichedArticle article, SearchFields search) {
}
