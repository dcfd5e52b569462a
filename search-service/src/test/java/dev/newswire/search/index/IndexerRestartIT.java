package dev.newswire.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.search.StackSupport;
import dev.newswire.search.TestArticles;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A stop while Elasticsearch refuses writes loses nothing: the stopped instance committed nothing it had
 * not indexed, so the next instance of the group indexes those records once writes are accepted again.
 * The service is started and stopped by hand here, which {@code @MicronautTest}'s one context per class
 * cannot do.
 */
class IndexerRestartIT {

    private static final Duration BOUND = Duration.ofSeconds(60);

    private static List<EnrichedArticle> articles(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> TestArticles.article(prefix + "-" + i, "en", "Restart " + i,
                "Body " + i, Instant.parse("2025-11-02T00:00:00Z").plusSeconds(i), List.of(), List.of())).toList();
    }


    private static void writeBlock(ElasticsearchClient client, String index, boolean blocked) throws IOException {
        client.indices().putSettings(s -> s.index(index).settings(i -> i.blocks(b -> b.write(blocked))));
    }

    @Test
    void recordsRefusedBeforeAStopAreIndexedByTheNextInstanceOnceWritesAreAccepted() throws IOException {
        try (StackSupport stack = new StackSupport("restart")) {
            Map<String, Object> properties = new HashMap<>(stack.properties());
            properties.put("micronaut.server.port", -1);
            List<EnrichedArticle> early = articles("early", 3);
            List<EnrichedArticle> refused = articles("refused", 4);

            Map<Integer, Long> committedAtStop;
            try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties)) {
                ElasticsearchClient client = first.getApplicationContext().getBean(ElasticsearchClient.class);
                MeterRegistry meters = first.getApplicationContext().getBean(MeterRegistry.class);
                early.forEach(stack::send);
                await().atMost(BOUND).until(() -> stack.indexed(client, early) == 3 && stack.caughtUp());
                committedAtStop = stack.committed();

                writeBlock(client, stack.index, true);
                refused.forEach(stack::send);
                await().atMost(BOUND).until(() -> meters.counter("newswire.indexer.retries").count() >= 2);
            }

            assertThat(stack.committed()).isEqualTo(committedAtStop);
            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties)) {
                ElasticsearchClient client = second.getApplicationContext().getBean(ElasticsearchClient.class);
                assertThat(stack.indexed(client, refused)).isZero();

                writeBlock(client, stack.index, false);

                await().atMost(BOUND).until(() -> stack.indexed(client, refused) == 4 && stack.caughtUp());
                assertThat(stack.indexed(client, early)).isEqualTo(3);
            }
        }
    }
}
