package dev.newswire.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.EventHeaders;
import dev.newswire.model.EventLimits;
import dev.newswire.search.StackSupport;
import dev.newswire.search.TestArticles;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A partition whose record cannot be finished yet waits alone: the others keep being indexed and committed.
 * The transient failure is a real one: the dead-letter topic refuses the dead letter (its
 * {@code max.message.bytes} is too small) until an operator raises the limit.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexerStallIT implements TestPropertyProvider {

    private static final Duration BOUND = Duration.ofSeconds(60);

    private final StackSupport stack = new StackSupport("stall");

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
        return IntStream.range(0, n).mapToObj(i -> TestArticles.article(prefix + "-" + i, "en", "Stall " + i,
                "Body " + i, Instant.parse("2025-11-04T00:00:00Z").plusSeconds(i), List.of(), List.of())).toList();
    }


    @Test
    void aPartitionWaitingForItsDeadLetterHoldsBackNoOtherPartitionAndLosesNothing() throws IOException {
        stack.configureDeadLetterTopic("max.message.bytes", "64");
        RecordMetadata poison = stack.send(0, "poison", "not json".getBytes(StandardCharsets.UTF_8),
                Map.of(EventHeaders.SCHEMA, EnrichedArticle.SCHEMA));
        List<EnrichedArticle> behindPoison = articles("behind", 5);
        List<EnrichedArticle> otherPartition = articles("other", 5);
        behindPoison.forEach(a -> stack.send(0, a));
        otherPartition.forEach(a -> stack.send(1, a));
        long endOfOther = stack.endOffsets().get(1);

        // The other partition is indexed and committed to its end; the poison's partition is committed up to the
        // poison and no further (records behind it that shared its flush may be written: a replay overwrites them).
        await().atMost(BOUND).until(() -> stack.indexed(elasticsearch, otherPartition) == 5
                && stack.committed().getOrDefault(1, -1L) == endOfOther
                && meters.counter("newswire.indexer.retries").count() >= 2);
        assertThat(stack.committed().getOrDefault(0, 0L)).isEqualTo(poison.offset());
        assertThat(meters.get("newswire.indexer.waiting.partitions").gauge().value()).isEqualTo(1.0);

        stack.configureDeadLetterTopic("max.message.bytes", Integer.toString(EventLimits.MAX_RECORD_BYTES));

        await().atMost(BOUND).until(() -> stack.indexed(elasticsearch, behindPoison) == 5 && stack.caughtUp());
        assertThat(stack.deadLetters()).singleElement()
                .satisfies(letter -> assertThat(letter.key()).isEqualTo("poison"));
        assertThat(meters.get("newswire.indexer.waiting.partitions").gauge().value()).isZero();
    }
}
