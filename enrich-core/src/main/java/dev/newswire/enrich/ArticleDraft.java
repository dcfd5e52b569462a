package dev.newswire.enrich;

import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Entity;
import dev.newswire.model.RawArticle;
import dev.newswire.model.TopicMatch;
import java.time.Instant;
import java.util.List;

/**
 * An article part-way through the enrichment chain: the raw event plus whatever the stages so far
 * have found. Immutable; each stage returns a copy with its fields filled ({@code with…}).
 */
public record ArticleDraft(
        RawArticle raw,
        String title,
        String byline,
        List<String> authors,
        Instant publishedAt,
        String siteName,
        String language,
        String body,
        String summary,
        List<String> keywords,
        List<Entity> entities,
        List<TopicMatch> topics,
        String simhash,
        String duplicateOf) {

    public ArticleDraft {
        authors = authors == null ? List.of() : List.copyOf(authors);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        entities = entities == null ? List.of() : List.copyOf(entities);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** A draft with nothing found yet. */
    public static ArticleDraft of(RawArticle raw) {
        return new ArticleDraft(raw, null, null, List.of(), raw.publishedAt(), null, null, null, null,
                List.of(), List.of(), List.of(), null, null);
    }

    public ArticleDraft withText(String title, String byline, List<String> authors, Instant publishedAt,
                                 String siteName, String body) {
        return new ArticleDraft(raw, title, byline, authors, publishedAt, siteName, language, body, summary,
                keywords, entities, topics, simhash, duplicateOf);
    }

    public ArticleDraft withLanguage(String language) {
        return new ArticleDraft(raw, title, byline, authors, publishedAt, siteName, language, body, summary,
                keywords, entities, topics, simhash, duplicateOf);
    }

    public ArticleDraft withSummary(String summary) {
        return new ArticleDraft(raw, title, byline, authors, publishedAt, siteName, language, body, summary,
                keywords, entities, topics, simhash, duplicateOf);
    }

    public ArticleDraft withKeywords(List<String> keywords) {
        return new ArticleDraft(raw, title, byline, authors, publishedAt, siteName, language, body, summary,
                keywords, entities, topics, simhash, duplicateOf);
    }

    public ArticleDraft withEntities(List<Entity> entities) {
        return new ArticleDraft(raw, title, byline, authors, publishedAt, siteName, language, body, summary,
                keywords, entities, topics, simhash, duplicateOf);
    }

    public ArticleDraft withTopics(List<TopicMatch> topics) {
        return new ArticleDraft(raw, title, byline, authors, publishedAt, siteName, language, body, summary,
                keywords, entities, topics, simhash, duplicateOf);
    }

    public ArticleDraft withSimhash(String simhash, String duplicateOf) {
        return new ArticleDraft(raw, title, byline, authors, publishedAt, siteName, language, body, summary,
                keywords, entities, topics, simhash, duplicateOf);
    }

    /**
     * The part of the body the tagging stages read: its first {@link EnrichmentLimits#MAX_TAGGED_CHARS}
     * characters (cut at a paragraph break where one is near), so that offsets into it are offsets
     * into the body. Null when there is no body.
     */
    public String taggedBody() {
        return EnrichmentLimits.cut(body, EnrichmentLimits.MAX_TAGGED_CHARS);
    }

    /** The finished event. The source name becomes the page's site name where the source gave none. */
    public EnrichedArticle toEnriched(Instant enrichedAt, String enricherVersion) {
        String sourceName = raw.sourceName() != null ? raw.sourceName() : siteName;
        return new EnrichedArticle(raw.id(), raw.url(), raw.canonicalUrl(), raw.sourceId(), sourceName,
                raw.ingestMethod(), raw.fetchedAt(), title, byline, authors, publishedAt, language,
                body == null ? "" : body, summary, keywords, entities, topics, simhash, duplicateOf,
                enrichedAt, enricherVersion);
    }
}
