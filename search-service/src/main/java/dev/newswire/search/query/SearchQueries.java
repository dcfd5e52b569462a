package dev.newswire.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.json.JsonData;
import dev.newswire.search.api.SearchApiSettings;
import dev.newswire.search.text.Segmenter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the Elasticsearch requests of the search API. User text only ever becomes the {@code query} of a
 * {@code multi_match}, never query DSL or query-string syntax: nothing a user types can change the shape
 * of the query.
 *
 * <p>The text is split at whitespace into chunks. A chunk with Han or kana is segmented in Java and
 * searched as a word-level phrase in the segmented fields; any other chunk is searched in the standard-
 * analysed fields. Both kinds search the entities' names and aliases and the topics' labels in every
 * language, which is what makes search cross-lingual. Up to three chunks must all match; of longer
 * queries a quarter may be missing.
 */
@Singleton
public class SearchQueries {

    /** Standard-analysed fields and their weights: title, topic labels and names say what an article is about. */
    static final List<String> PLAIN_FIELDS = List.of("title^3", "summary^1.5", "body", "search.names^2",
            "search.topicLabels^3");

    /** The segmented counterparts, for Japanese and Chinese. */
    static final List<String> WORD_FIELDS = List.of("search.titleWords^3", "search.bodyWords", "search.nameWords^2",
            "search.topicLabelWords^3");

    static final String PUBLISHED = "search.published";
    static final String TIE_BREAKER = "id";

    /** The hit fields read from {@code _source}: no body, which can be large. */
    static final List<String> HIT_SOURCE = List.of("id", "url", "title", "sourceId", "sourceName", "language",
            "publishedAt", "duplicateOf", "topics.id", "topics.labels", "entities.id", "entities.name", "entities.type");

    /** Facet name → keyword field of its keys. */
    public static final Map<String, String> FACET_FIELDS = Map.of(
            "topics", "search.topicKeys",
            "persons", "search.personKeys",
            "organizations", "search.organizationKeys",
            "places", "search.placeKeys",
            "sources", "search.sourceKey",
            "languages", "language");

    public static final String PUBLISHED_FACET = "published";

    /**
     * Highlight only this far into a field. Elasticsearch refuses a whole search (400) when a hit's field is
     * longer than {@code index.highlight.max_analyzed_offset} (this, by default) and the request sets no limit:
     * one long article would break every search that finds it.
     */
    static final int HIGHLIGHT_MAX_ANALYZED_CHARS = 1_000_000;
    static final int SNIPPET_CHARS = 200;

    private final Segmenter segmenter;
    private final String freshnessScale;
    private final double freshnessFloor;

    @Inject
    public SearchQueries(Segmenter segmenter, SearchApiSettings settings) {
        this(segmenter, settings.getFreshnessScale(), settings.getFreshnessFloor());
    }

    public SearchQueries(Segmenter segmenter, String freshnessScale, double freshnessFloor) {
        this.segmenter = segmenter;
        this.freshnessScale = freshnessScale;
        this.freshnessFloor = freshnessFloor;
    }

    /** The search request for one page of results with all facets. */
    public SearchRequest search(SearchCriteria criteria, String index, int facetSize) {
        Query matched = Query.of(q -> q.bool(b -> {
            if (criteria.query() != null) {
                b.must(text(criteria.query()));
            }
            return b.filter(filters(criteria));
        }));
        Query query = criteria.query() != null && criteria.sort() == Sort.RELEVANCE && freshnessFloor < 1.0
                ? fresh(matched) : matched;
        return SearchRequest.of(r -> {
            r.index(index).query(query).size(criteria.size()).trackTotalHits(t -> t.enabled(true))
                    .source(s -> s.filter(f -> f.includes(HIT_SOURCE)))
                    .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                            .maxAnalyzedOffset(HIGHLIGHT_MAX_ANALYZED_CHARS)
                            .fields("body", f -> f.fragmentSize(SNIPPET_CHARS).numberOfFragments(1)
                                    .noMatchSize(SNIPPET_CHARS))
                            .fields("search.bodyWords", f -> f.fragmentSize(SNIPPET_CHARS * 3 / 2)
                                    .numberOfFragments(1)));
            if (criteria.sort() == Sort.RELEVANCE) {
                r.sort(s -> s.score(o -> o.order(SortOrder.Desc)));
            }
            r.sort(s -> s.field(f -> f.field(PUBLISHED).order(SortOrder.Desc)))
                    .sort(s -> s.field(f -> f.field(TIE_BREAKER).order(SortOrder.Asc)));
            if (criteria.after() != null) {
                r.searchAfter(searchAfter(criteria.after()));
            }
            FACET_FIELDS.forEach((name, field) ->
                    r.aggregations(name, a -> a.terms(t -> t.field(field).size(facetSize))));
            r.aggregations(PUBLISHED_FACET, a -> a.dateHistogram(d -> d.field(PUBLISHED)
                    .calendarInterval(histogramInterval(criteria)).format("yyyy-MM-dd").minDocCount(1)));
            return r;
        });
    }

    /**
     * News relevance is text relevance and freshness: the text score times a factor that falls from 1 for
     * today's articles (within a day) towards the freshness floor for old ones, half-way after the
     * freshness scale ({@link SearchApiSettings}). Between two articles that match equally, the newer one
     * comes first; an old article that matches much better still beats a new one that barely matches. The
     * origin is rounded to the hour so that scores, and so cursors, stay stable while a user pages.
     */
    Query fresh(Query matched) {
        return Query.of(q -> q.functionScore(fs -> fs.query(matched)
                .functions(f -> f.gauss(g -> g.date(d -> d.field(PUBLISHED).placement(p -> p
                                .origin("now/h").scale(Time.of(t -> t.time(freshnessScale)))
                                .offset(Time.of(t -> t.time("1d"))).decay(0.5))))
                        .weight(1.0 - freshnessFloor))
                .functions(f -> f.filter(all -> all.matchAll(m -> m)).weight(freshnessFloor))
                .scoreMode(FunctionScoreMode.Sum)
                .boostMode(FunctionBoostMode.Multiply)));
    }

    /** Days for ranges of up to three months, months otherwise (a histogram of a few dozen bars at most). */
    public static CalendarInterval histogramInterval(SearchCriteria criteria) {
        if (criteria.from() != null && criteria.to() != null
                && Duration.between(criteria.from(), criteria.to()).compareTo(Duration.ofDays(93)) <= 0) {
            return CalendarInterval.Day;
        }
        return CalendarInterval.Month;
    }

    private static List<FieldValue> searchAfter(SearchCursor cursor) {
        List<FieldValue> values = new ArrayList<>(3);
        if (cursor.sort() == Sort.RELEVANCE) {
            values.add(FieldValue.of(cursor.score()));
        }
        values.add(FieldValue.of(cursor.published()));
        values.add(FieldValue.of(cursor.id()));
        return values;
    }

    /** The query for the user's text (already NFKC-normalised and within the length limit). */
    public Query text(String text) {
        List<Query> chunks = new ArrayList<>();
        for (String chunk : text.strip().split("\\s+")) {
            if (chunk.codePoints().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            chunks.add(Segmenter.hasCjk(chunk) ? words(chunk) : plain(chunk));
        }
        if (chunks.isEmpty()) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        List<Query> should = new ArrayList<>(chunks);
        boolean plainPhrase = !Segmenter.hasCjk(text) && chunks.size() > 1;
        return Query.of(q -> q.bool(b -> {
            b.must(m -> m.bool(c -> c.should(should).minimumShouldMatch("3<-25%")));
            if (plainPhrase) {
                // Articles that have the words together, as a phrase, come first.
                b.should(s -> s.multiMatch(mm -> mm.query(text).fields(PLAIN_FIELDS).type(TextQueryType.Phrase)
                        .slop(2).boost(2.0f)));
            }
            return b;
        }));
    }

    private Query words(String chunk) {
        List<Query> phrases = new ArrayList<>();
        for (String phrase : segmenter.queryPhrases(chunk)) {
            // Slop 1 lets a punctuation token of the document (ピート・ヘグセス) sit between two words.
            phrases.add(Query.of(q -> q.multiMatch(m -> m.query(phrase).fields(WORD_FIELDS)
                    .type(TextQueryType.Phrase).slop(1))));
        }
        return Query.of(q -> q.disMax(d -> d.queries(phrases)));
    }

    /**
     * cross_fields blends the term statistics of the fields: a name that is rare in bodies but common
     * among entity names must not score as if a passing mention in a body were the stronger evidence.
     */
    private static Query plain(String chunk) {
        return Query.of(q -> q.multiMatch(m -> m.query(chunk).fields(PLAIN_FIELDS).type(TextQueryType.CrossFields)
                .operator(Operator.And).tieBreaker(0.3)));
    }

    /** Filters: values of one parameter are alternatives (OR), parameters combine with AND. */
    public static List<Query> filters(SearchCriteria criteria) {
        List<Query> filters = new ArrayList<>();
        anyOf(filters, criteria.topics(), "search.topicIds");
        anyOf(filters, criteria.persons(), "search.personIds", "search.personNames");
        anyOf(filters, criteria.organizations(), "search.organizationIds", "search.organizationNames");
        anyOf(filters, criteria.places(), "search.placeIds", "search.placeNames");
        anyOf(filters, criteria.sources(), "sourceId", "sourceName");
        anyOf(filters, criteria.languages(), "language");
        if (criteria.originalsOnly()) {
            filters.add(Query.of(q -> q.bool(b -> b.mustNot(n -> n.exists(e -> e.field("duplicateOf"))))));
        }
        if (criteria.from() != null || criteria.to() != null) {
            filters.add(Query.of(q -> q.range(r -> r.untyped(u -> {
                u.field(PUBLISHED);
                if (criteria.from() != null) {
                    u.gte(JsonData.of(criteria.from().toString()));
                }
                if (criteria.to() != null) {
                    u.lte(JsonData.of(criteria.to().toString()));
                }
                return u;
            }))));
        }
        return filters;
    }

    private static void anyOf(List<Query> filters, List<String> values, String... fields) {
        if (values.isEmpty()) {
            return;
        }
        List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
        List<Query> alternatives = new ArrayList<>();
        for (String field : fields) {
            alternatives.add(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(terms)))));
        }
        filters.add(alternatives.size() == 1 ? alternatives.get(0)
                : Query.of(q -> q.bool(b -> b.should(alternatives).minimumShouldMatch("1"))));
    }

    /**
     * Articles like the given one: the words of its text ({@code more_like_this}, which is built in), and
     * the topics and entities it shares with them, which also finds similar articles in other languages.
     */
    public SearchRequest similar(String index, String concreteIndex, String id, Map<String, List<String>> sharedKeys,
                                 int size) {
        List<Query> should = new ArrayList<>();
        should.add(Query.of(q -> q.moreLikeThis(m -> m
                .fields("title", "body", "search.titleWords", "search.bodyWords")
                .like(l -> l.document(d -> d.index(concreteIndex).id(id)))
                .minTermFreq(1).minDocFreq(1).maxQueryTerms(40).minimumShouldMatch("20%"))));
        sharedKeys.forEach((field, values) -> {
            if (!values.isEmpty()) {
                List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
                float boost = field.equals("search.topicIds") ? 2.0f : 1.0f;
                should.add(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(terms)).boost(boost))));
            }
        });
        return SearchRequest.of(r -> r.index(index).size(size)
                .query(q -> q.bool(b -> b.should(should).minimumShouldMatch("1").mustNot(n -> n.ids(i -> i.values(id)))))
                .source(s -> s.filter(f -> f.includes(HIT_SOURCE)))
                .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                        .maxAnalyzedOffset(HIGHLIGHT_MAX_ANALYZED_CHARS)
                        .fields("body", f -> f.fragmentSize(SNIPPET_CHARS).numberOfFragments(1).noMatchSize(SNIPPET_CHARS))));
    }

    /** Every topic with its article count. */
    public static SearchRequest topics(String index, int maxTopics) {
        return SearchRequest.of(r -> r.index(index).size(0)
                .aggregations("topics", a -> a.terms(t -> t.field(FACET_FIELDS.get("topics")).size(maxTopics))));
    }
}
