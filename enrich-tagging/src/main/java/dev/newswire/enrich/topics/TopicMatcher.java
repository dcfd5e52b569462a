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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

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

    /**
     * A parsed query, rewritten once where its rewriting does not depend on the article (no
     * prefix, wildcard, fuzzy or range query in it), and what it needs of the article's terms to
     * match at all ({@link #needs}).
     */
    private record Compiled(Topic topic, Query query, boolean rewritten, Predicate<boolean[]> needs) {
    }

    /** A term of the stored queries: its number among them, and the positions in {@link #queries} of those that hold it. */
    private record QueryTerm(int id, int[] queries) {
    }

    private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new WordAnalyzer(),
            Map.of(ENTITY, new KeywordAnalyzer()));
    private final List<Compiled> queries;
    /** Field → term → the term's number and the queries that hold it. */
    private final Map<String, Map<BytesRef, QueryTerm>> queryTerms;
    /** How many terms the stored queries have. */
    private final int termCount;

    TopicMatcher(List<Topic> topics) {
        List<Compiled> compiled = new ArrayList<>();
        Map<String, Map<BytesRef, List<Integer>>> byTerm = new HashMap<>();
        Map<Term, Integer> termIds = new HashMap<>();
        IndexSearcher empty = new MemoryIndex().createSearcher();
        for (Topic topic : topics) {
            MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {TITLE, BODY}, analyzer);
            parser.setSplitOnWhitespace(true);
            parser.setAutoGeneratePhraseQueries(true);
            parser.setDefaultOperator(QueryParser.Operator.OR);
            try {
                Query query = parser.parse(topic.query());
                Set<Term> terms = new HashSet<>();
                query.visit(QueryVisitor.termCollector(terms));
                for (Term term : terms) {
                    byTerm.computeIfAbsent(term.field(), f -> new HashMap<>())
                            .computeIfAbsent(BytesRef.deepCopyOf(term.bytes()), t -> new ArrayList<>())
                            .add(compiled.size());
                    id(termIds, term);
                }
                boolean fixed = rewritesAlike(query);
                Query rewritten = fixed ? empty.rewrite(query) : query;
                Predicate<boolean[]> needs = fixed ? needs(rewritten, termIds) : present -> true;
                compiled.add(new Compiled(topic, rewritten, fixed, needs));
            } catch (ParseException e) {
                throw new IllegalArgumentException("topic " + topic.id() + ": bad query: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.queries = List.copyOf(compiled);
        // A term a query needs is looked up in the article even if the term collector found no query holding it.
        termIds.keySet().forEach(term -> byTerm.computeIfAbsent(term.field(), f -> new HashMap<>())
                .computeIfAbsent(term.bytes(), t -> new ArrayList<>()));
        Map<String, Map<BytesRef, QueryTerm>> queryTerms = new HashMap<>();
        byTerm.forEach((field, terms) -> {
            Map<BytesRef, QueryTerm> holding = new HashMap<>();
            terms.forEach((term, holders) -> holding.put(term,
                    new QueryTerm(termIds.get(new Term(field, term)), holders.stream().mapToInt(q -> q).toArray())));
            queryTerms.put(field, holding);
        });
        this.queryTerms = Map.copyOf(queryTerms);
        this.termCount = termIds.size();
    }

    /**
     * What a rewritten query needs of the article's terms (by {@link #id}) to match at all: a
     * term query its term, a phrase all its words, a boolean query all its required clauses and as
     * many optional ones as it asks for (one when nothing is required). A query that cannot match
     * scores nothing, so {@link #match} skips it without building its Lucene weight, which costs
     * far more than the test (the topic stage of the benchmark pages takes 40 % less time with it).
     * Queries of other kinds are assumed to be able to match.
     */
    private static Predicate<boolean[]> needs(Query query, Map<Term, Integer> termIds) {
        if (query instanceof BoostQuery boost) {
            return needs(boost.getQuery(), termIds);
        }
        if (query instanceof ConstantScoreQuery constant) {
            return needs(constant.getQuery(), termIds);
        }
        if (query instanceof MatchNoDocsQuery) {
            return present -> false;
        }
        if (query instanceof TermQuery term) {
            int id = id(termIds, term.getTerm());
            return present -> present[id];
        }
        if (query instanceof PhraseQuery phrase) {
            int[] ids = Arrays.stream(phrase.getTerms()).mapToInt(t -> id(termIds, t)).toArray();
            return present -> {
                for (int id : ids) {
                    if (!present[id]) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (query instanceof SynonymQuery synonyms) {
            int[] ids = synonyms.getTerms().stream().mapToInt(t -> id(termIds, t)).toArray();
            return present -> {
                for (int id : ids) {
                    if (present[id]) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (query instanceof BooleanQuery bool) {
            List<Predicate<boolean[]>> required = new ArrayList<>();
            List<Predicate<boolean[]>> optional = new ArrayList<>();
            for (BooleanClause clause : bool.clauses()) {
                switch (clause.getOccur()) {
                    case MUST, FILTER -> required.add(needs(clause.getQuery(), termIds));
                    case SHOULD -> optional.add(needs(clause.getQuery(), termIds));
                    case MUST_NOT -> { } // excludes, never makes a match possible
                }
            }
            int least = required.isEmpty() ? Math.max(1, bool.getMinimumNumberShouldMatch())
                    : bool.getMinimumNumberShouldMatch();
            return present -> {
                for (Predicate<boolean[]> r : required) {
                    if (!r.test(present)) {
                        return false;
                    }
                }
                int met = 0;
                for (int o = 0; o < optional.size() && met < least; o++) {
                    met += optional.get(o).test(present) ? 1 : 0;
                }
                return met >= least;
            };
        }
        return present -> true;
    }

    /** A term's number among the terms of the stored queries, given on first sight. */
    private static int id(Map<Term, Integer> termIds, Term term) {
        Integer id = termIds.get(term);
        if (id == null) {
            id = termIds.size();
            termIds.put(new Term(term.field(), BytesRef.deepCopyOf(term.bytes())), id);
        }
        return id;
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
        boolean[] candidates = candidates(searcher.getIndexReader());
        for (int q = 0; q < queries.size(); q++) {
            if (!candidates[q]) {
                continue;
            }
            Compiled compiled = queries.get(q);
            float score = score(searcher, compiled);
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
     * The queries that can match the article: those that hold a term of the article (the cheap test
     * Lucene Monitor's presearcher makes, which spares most articles most queries) and whose
     * {@link Compiled#needs} the article's terms meet. The article's terms (a few hundred) are
     * looked up among the queries', rather than each term of each query searched in the article's.
     */
    private boolean[] candidates(IndexReader reader) {
        boolean[] candidates = new boolean[queries.size()];
        boolean[] present = new boolean[termCount];
        try {
            LeafReader leaf = reader.leaves().get(0).reader();
            for (Map.Entry<String, Map<BytesRef, QueryTerm>> field : queryTerms.entrySet()) {
                Terms terms = leaf.terms(field.getKey());
                if (terms == null) {
                    continue;
                }
                TermsEnum enumerator = terms.iterator();
                for (BytesRef term = enumerator.next(); term != null; term = enumerator.next()) {
                    QueryTerm held = field.getValue().get(term);
                    if (held != null) {
                        present[held.id()] = true;
                        for (int q : held.queries()) {
                            candidates[q] = true;
                        }
                    }
                }
            }
            for (int q = 0; q < candidates.length; q++) {
                candidates[q] = candidates[q] && queries.get(q).needs().test(present);
            }
            return candidates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The score of the article's one document, as {@code searcher.search(query, 1)} gives it: the
     * same weight and scorer (top-scores mode, which is what that search asks for), without the
     * collector, the task executor and, for a query rewritten at loading, the rewriting, which
     * cost more than the scoring of a one-document index.
     */
    private static float score(IndexSearcher searcher, Compiled compiled) {
        try {
            Query query = compiled.rewritten() ? compiled.query() : searcher.rewrite(compiled.query());
            Weight weight = searcher.createWeight(query, ScoreMode.TOP_SCORES, 1);
            Scorer scorer = weight.scorer(searcher.getIndexReader().leaves().get(0));
            if (scorer == null || scorer.iterator().nextDoc() != 0) {
                return 0;
            }
            return scorer.score();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the query is made of term, phrase and boolean queries only, as the query parser makes
     * them of words and phrases: their rewriting is the same against any index. A prefix, wildcard,
     * fuzzy or range query rewrites to the terms the article holds.
     */
    private static boolean rewritesAlike(Query query) {
        boolean[] alike = {true};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                alike[0] &= leaf instanceof TermQuery || leaf instanceof PhraseQuery || leaf instanceof SynonymQuery;
            }

            @Override
            public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
                alike[0] = false;
            }

            @Override
            public void visitLeaf(Query leaf) {
                alike[0] &= leaf instanceof MatchAllDocsQuery || leaf instanceof MatchNoDocsQuery;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this; // the must-not clauses too, which the default visitor skips
            }
        });
        return alike[0];
    }

    private static double round(float score) {
        return Math.round(score * 1000.0) / 1000.0;
    }
}
