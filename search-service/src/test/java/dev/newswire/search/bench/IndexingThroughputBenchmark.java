package dev.newswire.search.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.model.EnrichedArticle;
import dev.newswire.search.StackSupport;
import dev.newswire.search.index.BulkWriter;
import dev.newswire.search.index.IndexSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Indexing throughput from Kafka into Elasticsearch (the whole indexer: consume, parse, segment,
 * serialise, bulk, commit) against a raw bulk load of the same documents, prepared beforehand, with the
 * same batch and in-flight limits, in the same run on the same Elasticsearch. Prints the figures; asserts
 * only that every document arrived. {@code -Dbench.documents=N} (default 20000).
 */
class IndexingThroughputBenchmark {

    private static double rawLoad(BenchmarkSupport support, String name, String alias, List<BulkWriter.Item> documents)
            throws Exception {
        IndexSettings raw = support.createIndex(name, alias);
        long start = System.nanoTime();
        support.bulkLoad(raw, documents);
        support.client.indices().refresh(r -> r.index(alias));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(support.client.count(c -> c.index(alias)).count()).isEqualTo(documents.size());
        support.client.indices().delete(d -> d.index(name));
        return seconds;
    }

    @Test
    void kafkaToElasticsearchAgainstRawBulkLoad() throws Exception {
        int n = Integer.getInteger("bench.documents", 20_000);
        List<EnrichedArticle> corpus = BenchmarkCorpus.generate(n, 7);
        try (StackSupport stack = new StackSupport("bench-indexing");
             BenchmarkSupport support = new BenchmarkSupport(StackSupport.elasticsearch())) {
            stack.sendAll(corpus);

            long prepareStart = System.nanoTime();
            List<BulkWriter.Item> documents = BenchmarkSupport.documents(corpus);
            double prepareSeconds = (System.nanoTime() - prepareStart) / 1e9;
            long bytes = documents.stream().mapToLong(d -> d.source().length).sum();

            double rawBefore = rawLoad(support, stack.index + "-raw1", stack.alias + "-raw1", documents);

            Map<String, Object> properties = new HashMap<>(stack.properties());
            properties.put("micronaut.server.port", -1);
            properties.put("indexer.linger", "200ms");
            double kafkaSeconds;
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                long kafkaStart = System.nanoTime();
                await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100)).until(stack::caughtUp);
                support.client.indices().refresh(r -> r.index(stack.alias));
                kafkaSeconds = (System.nanoTime() - kafkaStart) / 1e9;
            }
            assertThat(support.client.count(c -> c.index(stack.alias)).count()).isEqualTo(n);
            // Raw loads before and after the Kafka run: on a shared machine the mean is the fairer reference.
            double rawAfter = rawLoad(support, stack.index + "-raw2", stack.alias + "-raw2", documents);
            double rawSeconds = (rawBefore + rawAfter) / 2;

            double kafkaRate = n / kafkaSeconds;
            double rawRate = n / rawSeconds;
            System.out.printf("%n[benchmark] indexing %d articles (%.1f MB of documents, 1/3 Japanese)%n", n, bytes / 1e6);
            System.out.printf("[benchmark]   Kafka → indexer → Elasticsearch: %.1f s, %.0f docs/s%n", kafkaSeconds, kafkaRate);
            System.out.printf("[benchmark]   raw bulk load of the same documents: %.1f s, %.0f docs/s (mean of %.1f s before and %.1f s after)%n",
                    rawSeconds, rawRate, rawBefore, rawAfter);
            System.out.printf("[benchmark]   ratio Kafka path / raw bulk: %.2f%n", kafkaRate / rawRate);
            support.client.indices().delete(d -> d.index(stack.index));
            System.out.printf("[benchmark]   (document preparation alone, one thread: %.1f s, %.0f docs/s)%n%n",
                    prepareSeconds, n / prepareSeconds);
        }
    }
}
