package dev.newswire.search.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.BinaryData;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.search.api.SearchResponses.DateCount;
import dev.newswire.search.api.SearchResponses.EntityRef;
import dev.newswire.search.api.SearchResponses.FacetValue;
import dev.newswire.search.api.SearchResponses.Facets;
import dev.newswire.search.api.SearchResponses.SearchPage;
import dev.newswire.search.api.SearchResponses.SimilarArticles;
import dev.newswire.search.api.SearchResponses.TopicList;
import dev.newswire.search.api.SearchResponses.TopicRef;
import dev.newswire.search.index.FacetKeys;
import dev.newswire.search.index.IndexSettings;
import dev.newswire.search.index.SearchFields;
import dev.newswire.search.query.SearchCriteria;
import dev.newswire.search.query.SearchCursor;
import dev.newswire.search.query.SearchQueries;
import dev.newswire.search.query.Sort;
import dev.newswire.search.text.Segmenter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the API's requests against the alias and turns Elasticsearch's answers into the API's bodies. */
@Singleton
public class SearchService {

    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);
    private static final String UNAVAILABLE = "the search backend is unavailable; try again later";

    private final ElasticsearchClient client;
    private final SearchQueries queries;
    private final IndexSettings index;
    private final SearchApiSettings limits;
    private final ObjectMapper json;
    private final Timer elasticsearchTime;

    public SearchService(ElasticsearchClient client, SearchQueries queries, IndexSettings index,
                         SearchApiSettings limits, ObjectMapper json, MeterRegistry registry) {
        this.client = client;
        this.queries = queries;
        this.index = index;
        this.limits = limits;
        this.json = json;
        this.elasticsearchTime = Timer.builder("newswire.search.elasticsearch")
                .description("Time of the Elasticsearch search calls of the API, including the client's (de)serialisation")
                .publishPercentileHistogram().register(registry);
    }

    /** One page of results with facets. */
    public SearchPage search(SearchCriteria criteria) {
        SearchResponse<BinaryData> response = execute(queries.search(criteria, index.getAlias(), limits.getFacetSize()));
        List<Hit<BinaryData>> hits = response.hits().hits();
        List<SearchResponses.Hit> page = new ArrayList<>(hits.size());
        for (Hit<BinaryData> hit : hits) {
            page.add(hit(hit));
        }
        String cursor = null;
        if (!hits.isEmpty() && hits.size() == criteria.size()) {
            cursor = cursor(criteria, hits.get(hits.size() - 1).sort());
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        Map<String, Aggregate> aggregations = response.aggregations();
        Facets facets = new Facets(
                terms(aggregations, "topics"), terms(aggregations, "persons"), terms(aggregations, "organizations"),
                terms(aggregations, "places"), terms(aggregations, "sources"), terms(aggregations, "languages"),
                aggregations.get(SearchQueries.PUBLISHED_FACET).dateHistogram().buckets().array().stream()
                        .map(b -> new DateCount(b.keyAsString(), b.docCount())).toList(),
                SearchQueries.histogramInterval(criteria).jsonValue());
        return new SearchPage(total, page, facets, cursor);
    }

    /** The article as it was indexed. */
    public EnrichedArticle article(String id) {
        return read(get(id), EnrichedArticle.class);
    }

    /** Articles like the given one, in any language. */
    public SimilarArticles similar(String id, int size) {
        GetResponse<BinaryData> article = get(id);
        SearchFields fields = read(article, StoredSearchFields.class).search();
        Map<String, List<String>> shared = new LinkedHashMap<>();
        if (fields != null) {
            shared.put("search.topicIds", orEmpty(fields.topicIds()));
            shared.put("search.personIds", orEmpty(fields.personIds()));
            shared.put("search.organizationIds", orEmpty(fields.organizationIds()));
            shared.put("search.placeIds", orEmpty(fields.placeIds()));
        }
        SearchResponse<BinaryData> response = execute(queries.similar(index.getAlias(), article.index(), id, shared, size));
        return new SimilarArticles(id, response.hits().hits().stream().map(this::hit).toList());
    }

    /** Every topic with its article count, most articles first. */
    public TopicList topics() {
        SearchResponse<BinaryData> response = execute(SearchQueries.topics(index.getAlias(), limits.getMaxTopics()));
        return new TopicList(terms(response.aggregations(), "topics"));
    }

    private GetResponse<BinaryData> get(String id) {
        try {
            GetResponse<BinaryData> response = client.get(g -> g.index(index.getAlias()).id(id), BinaryData.class);
            if (!response.found() || response.source() == null) {
                throw ProblemException.articleNotFound(id);
            }
            return response;
        } catch (ElasticsearchException e) {
            throw translate(e);
        } catch (IOException e) {
            LOG.warn("Elasticsearch cannot be reached: {}", e.toString());
            throw ProblemException.unavailable(UNAVAILABLE, e);
        }
    }

    private SearchResponse<BinaryData> execute(SearchRequest request) {
        long start = System.nanoTime();
        try {
            return client.search(request, BinaryData.class);
        } catch (ElasticsearchException e) {
            throw translate(e);
        } catch (IOException e) {
            LOG.warn("Elasticsearch cannot be reached: {}", e.toString());
            throw ProblemException.unavailable(UNAVAILABLE, e);
        } finally {
            elasticsearchTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Elasticsearch's refusal as the API's problem. Overload, server errors, a missing index and refused
     * credentials are the backend's state (503). Any other 4xx refuses the search as it was asked: a 400
     * naming the parameter where the cause tells which one. The problem never carries Elasticsearch's own
     * message (index names, field names, internals); the log does.
     */
    static ProblemException translate(ElasticsearchException e) {
        int status = e.status();
        String described = describe(e);
        String causes = described.toLowerCase(Locale.ROOT);
        if (status == 401 || status == 403 || status == 404 || status == 408 || status == 429 || status >= 500
                || status < 400 || causes.contains("index_not_found_exception")) {
            LOG.warn("Elasticsearch unavailable for a search: {}", described);
            return ProblemException.unavailable(UNAVAILABLE, e);
        }
        LOG.info("Elasticsearch refused a search: {}", described);
        if (causes.contains("too_many_clauses") || causes.contains("too_many_nested_clauses")
                || causes.contains("maxclausecount")) {
            return ProblemException.invalidParameter("q", "q has too many words for one search; use fewer");
        }
        if (causes.contains("search_after")) {
            return ProblemException.invalidParameter("cursor",
                    "the cursor does not fit this search; start again from the first page");
        }
        if (causes.contains("result window")) {
            return ProblemException.invalidParameter("size", "the page is beyond the results that can be paged to");
        }
        if (causes.contains("date") && causes.contains("parse")) {
            return ProblemException.invalidParameter("from", "from or to is outside the dates that can be searched");
        }
        return ProblemException.refused("the search cannot be run with these parameters");
    }

    /** Type and reason of the error and all its causes, for the log and for classification. */
    private static String describe(ElasticsearchException e) {
        StringBuilder text = new StringBuilder().append(e.status());
        if (e.error() != null) {
            List<ErrorCause> causes = new ArrayList<>();
            causes.add(e.error());
            for (int i = 0; i < causes.size() && i < 20; i++) {
                ErrorCause cause = causes.get(i);
                text.append(' ').append(cause.type()).append(": ").append(cause.reason()).append(';');
                causes.addAll(cause.rootCause());
                if (cause.causedBy() != null) {
                    causes.add(cause.causedBy());
                }
            }
        }
        return text.toString();
    }

    private <T> T read(GetResponse<BinaryData> response, Class<T> type) {
        try (InputStream in = response.source().asInputStream()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("stored document " + response.id() + " is unreadable", e);
        }
    }

    private SearchResponses.Hit hit(Hit<BinaryData> hit) {
        EnrichedArticle article;
        try (InputStream in = hit.source().asInputStream()) {
            article = json.readValue(in, EnrichedArticle.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored document " + hit.id() + " is unreadable", e);
        }
        List<TopicRef> topics = article.topics() == null ? List.of()
                : article.topics().stream().map(t -> new TopicRef(t.id(), t.labels())).toList();
        List<EntityRef> entities = article.entities() == null ? List.of()
                : article.entities().stream().map(e -> new EntityRef(e.id(), e.name(), e.type())).toList();
        String source = article.sourceName() != null ? article.sourceName() : article.sourceId();
        return new SearchResponses.Hit(hit.id(), article.title(), article.url(), source, article.language(),
                article.publishedAt(), snippet(hit.highlight()), topics, entities, article.duplicateOf());
    }

    /** The matched words of the segmented body, made readable again; else the body's own highlight. */
    private static String snippet(Map<String, List<String>> highlight) {
        List<String> words = highlight.get("search.bodyWords");
        if (words != null && !words.isEmpty()) {
            return Segmenter.unsegment(words.get(0));
        }
        List<String> body = highlight.get("body");
        return body == null || body.isEmpty() ? null : body.get(0);
    }

    private static String cursor(SearchCriteria criteria, List<FieldValue> sort) {
        int i = 0;
        double score = 0;
        if (criteria.sort() == Sort.RELEVANCE) {
            FieldValue value = sort.get(i++);
            score = value.isDouble() ? value.doubleValue() : value.isLong() ? value.longValue() : 0;
        }
        FieldValue published = sort.get(i++);
        long millis = published.isLong() ? published.longValue() : (long) published.doubleValue();
        return new SearchCursor(criteria.sort(), criteria.fingerprint(), score, millis, sort.get(i).stringValue())
                .encode();
    }

    private static List<FacetValue> terms(Map<String, Aggregate> aggregations, String name) {
        Aggregate aggregate = aggregations.get(name);
        if (aggregate == null || !aggregate.isSterms()) {
            return List.of();
        }
        List<FacetValue> values = new ArrayList<>();
        for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
            String key = bucket.key().stringValue();
            values.add(new FacetValue(FacetKeys.value(key), FacetKeys.label(key), bucket.docCount()));
        }
        return values;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The {@code search} object of a stored document. */
    @Serdeable
    record StoredSearchFields(SearchFields search) {
    }
}
