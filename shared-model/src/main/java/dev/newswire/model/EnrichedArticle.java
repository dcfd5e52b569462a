package dev.newswire.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A cleaned and enriched article: event {@value #SCHEMA} on {@link Topics#ENRICHED}.
 *
 * @param id              the {@link RawArticle#id()} it came from
 * @param url             URL as given by the source
 * @param canonicalUrl    canonical URL
 * @param sourceId        source id
 * @param sourceName      source name (the site name where the page gave one)
 * @param ingestMethod    how it entered Newswire
 * @param fetchedAt       when it was fetched or received
 * @param title           the article's headline
 * @param byline          the byline as written
 * @param authors         author names
 * @param publishedAt     publication time, if known
 * @param language        ISO 639-1 code of the body
 * @param body            clean article text, paragraphs separated by blank lines, characters as written
 * @param summary         a lead summary
 * @param keywords        keywords, most salient first
 * @param entities        people, organisations and places
 * @param topics          topics the article is about
 * @param simhash         64-bit SimHash of the body as 16 lower-case hex digits
 * @param duplicateOf     id of an earlier near-duplicate, if any
 * @param enrichedAt      when it was enriched
 * @param enricherVersion version of the enrichment chain
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrichedArticle(
        String id,
        String url,
        String canonicalUrl,
        String sourceId,
        String sourceName,
        IngestMethod ingestMethod,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant fetchedAt,
        String title,
        String byline,
        List<String> authors,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant publishedAt,
        String language,
        String body,
        String summary,
        List<String> keywords,
        List<Entity> entities,
        List<TopicMatch> topics,
        String simhash,
        String duplicateOf,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant enrichedAt,
        String enricherVersion) {

    /** Value of the {@link EventHeaders#SCHEMA} header. */
    public static final String SCHEMA = "EnrichedArticle/v1";
}
