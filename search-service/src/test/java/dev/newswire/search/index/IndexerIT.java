package dev.newswire.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.search.StackSupport;
import dev.newswire.search.TestArticles;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The indexer against real Kafka and Elasticsearch: loss-free and idempotent (dead letters: {@link IndexerPoisonIT}). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexerIT implements TestPropertyProvider {

    private static final Duration BOUND = Duration.ofSeconds(60);

    private final StackSupport stack = new StackSupport("indexer");

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    MeterRegistry meters;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @AfterAll
    void closeStack() {
        stack.close();
    }

    private static List<EnrichedArticle> articles(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> TestArticles.article(prefix + "-" + i, "en",
                "Article " + prefix + " " + i, "Body of article " + i + " about " + prefix + ".",
                Instant.parse("2025-11-01T00:00:00Z").plusSeconds(3600L * i), List.of(), List.of())).toList();
    }


    private long totalDocuments() throws IOException {
        elasticsearch.indices().refresh(r -> r.index(stack.alias));
        return elasticsearch.count(c -> c.index(stack.alias)).count();
    }

    @Test
    void indexesEveryRecordUnderItsArticleIdAndThenCommits() throws IOException {
        List<EnrichedArticle> batch = articles("first", 25);
        batch.forEach(stack::send);

        await().atMost(BOUND).until(() -> stack.indexed(elasticsearch, batch) == 25 && stack.caughtUp());
        EnrichedArticle stored = elasticsearch.get(g -> g.index(stack.alias).id(batch.get(3).id()), Map.class).found()
                ? batch.get(3) : null;
        assertThat(stored).isNotNull();
    }

    @Test
    void replayingTheSameRecordsOverwritesInsteadOfDuplicating() throws IOException {
        List<EnrichedArticle> batch = articles("replay", 10);
        batch.forEach(stack::send);
        await().atMost(BOUND).until(() -> stack.indexed(elasticsearch, batch) == 10 && stack.caughtUp());
        long before = totalDocuments();

        batch.forEach(stack::send);
        batch.forEach(stack::send);

        await().atMost(BOUND).until(stack::caughtUp);
        assertThat(stack.indexed(elasticsearch, batch)).isEqualTo(10);
        assertThat(totalDocuments()).isEqualTo(before);
    }

    @Test
    void offsetsAreNotCommittedWhileElasticsearchRefusesWritesAndNothingIsLostWhenItAccepts() throws IOException {
        await().atMost(BOUND).until(stack::caughtUp);
        Map<Integer, Long> committedBefore = stack.committed();
        double retriesBefore = meters.counter("newswire.indexer.retries").count();
        // A real refusal: with an index write block Elasticsearch answers every bulk item 403 cluster_block_exception.
        elasticsearch.indices().putSettings(s -> s.index(stack.index).settings(i -> i.blocks(b -> b.write(true))));
        List<EnrichedArticle> blocked = articles("blocked", 6);
        try {
            blocked.forEach(stack::send);

            await().atMost(BOUND).until(() -> meters.counter("newswire.indexer.retries").count() >= retriesBefore + 3);
            assertThat(stack.committed()).isEqualTo(committedBefore);
            assertThat(stack.caughtUp()).isFalse();
            assertThat(stack.indexed(elasticsearch, blocked)).isZero();
        } finally {
            elasticsearch.indices().putSettings(s -> s.index(stack.index).settings(i -> i.blocks(b -> b.write(false))));
        }

        await().atMost(BOUND).until(() -> stack.indexed(elasticsearch, blocked) == 6 && stack.caughtUp());
    }

}
