package dev.newswire.enrich.topics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newswire.model.Entity;
import dev.newswire.model.TopicMatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TopDocs;

/**
 * Matches an article against the stored topic queries of {@code topics.yml}: the article becomes a
 * one-document {@link MemoryIndex} and every query is scored against it. This is what Lucene
 * Monitor does underneath; its presearcher only pays off with thousands of queries, and
 * lucene-monitor is not published for the Lucene 9.12 line this project is on. Thread-safe.
 */
public final class TopicMatcher {

    static final String RESOURCE = "topics.yml";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String ENTITY = "entity";

    private record Catalogue(List<Topic> topics) {
    }

    /** A parsed query and its terms: a query none of whose terms is in the article cannot match. */
    private record Compiled(Topic topic, Query query, Set<Term> terms) {
    }

    private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new WordAnalyzer(),
            Map.of(ENTITY, new KeywordAnalyzer()));
    private final List<Compiled> queries;

    TopicMatcher(List<Topic> topics) {
        List<Compiled> compiled = new ArrayList<>();
        for (Topic topic : topics) {
            MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {TITLE, BODY}, analyzer);
            parser.setSplitOnWhitespace(true);
            parser.setAutoGeneratePhraseQueries(true);
            parser.setDefaultOperator(QueryParser.Operator.OR);
            try {
                Query query = parser.parse(topic.query());
                Set<Term> terms = new HashSet<>();
                query.visit(QueryVisitor.termCollector(terms));
                compiled.add(new Compiled(topic, query, Set.copyOf(terms)));
            } catch (ParseException e) {
                throw new IllegalArgumentException("topic " + topic.id() + ": bad query: " + e.getMessage(), e);
            }
        }
        this.queries = List.copyOf(compiled);
    }

    /** The catalogue checked in as {@code topics.yml}. */
    public static TopicMatcher load() {
        try (InputStream in = TopicMatcher.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new TopicMatcher(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Topic> read(InputStream in) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        return List.copyOf(yaml.readValue(in, Catalogue.class).topics());
    }

    public List<Topic> topics() {
        return queries.stream().map(Compiled::topic).toList();
    }

    /** The topics the article is about, strongest first. */
    public List<TopicMatch> match(String language, String title, String body, List<Entity> entities) {
        MemoryIndex index = new MemoryIndex();
        if (title != null) {
            add(index, TITLE, title, language);
        }
        if (body != null) {
            add(index, BODY, body, language);
        }
        for (Entity entity : entities) {
            index.addField(ENTITY, entity.id(), analyzer);
        }
        IndexSearcher searcher = index.createSearcher();
        searcher.setQueryCache(null);
        List<TopicMatch> matches = new ArrayList<>();
        Map<String, TermsEnum> fieldTerms = new HashMap<>();
        for (Compiled compiled : queries) {
            if (!anyPresent(searcher.getIndexReader(), compiled.terms(), fieldTerms)) {
                continue;
            }
            float score = score(searcher, compiled.query());
            if (score > 0 && score >= compiled.topic().minScore()) {
                matches.add(new TopicMatch(compiled.topic().id(), compiled.topic().labels(), round(score)));
            }
        }
        matches.sort(Comparator.comparingDouble(TopicMatch::score).reversed());
        return matches;
    }

    private void add(MemoryIndex index, String field, String text, String language) {
        TokenStream words = WordStreams.of(text, language);
        if (words == null) {
            index.addField(field, text, analyzer);
        } else {
            index.addField(field, words);
        }
    }

    /**
     * Whether the article holds any of the terms: the cheap test Lucene Monitor's presearcher
     * makes, which spares most articles most queries.
     */
    private static boolean anyPresent(IndexReader reader, Set<Term> terms, Map<String, TermsEnum> fieldTerms) {
        try {
            for (Term term : terms) {
                // One enumerator per field and article: the queries share it.
                TermsEnum enumerator = fieldTerms.get(term.field());
                if (enumerator == null && !fieldTerms.containsKey(term.field())) {
                    Terms inField = reader.leaves().get(0).reader().terms(term.field());
                    enumerator = inField == null ? null : inField.iterator();
                    fieldTerms.put(term.field(), enumerator);
                }
                if (enumerator != null && enumerator.seekExact(term.bytes())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float score(IndexSearcher searcher, Query query) {
        try {
            TopDocs top = searcher.search(query, 1);
            return top.scoreDocs.length == 0 ? 0 : top.scoreDocs[0].score;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double round(float score) {
        return Math.round(score * 1000.0) / 1000.0;
    }
}
