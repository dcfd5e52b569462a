package dev.newswire.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.search.StackSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The bulk writer against real Elasticsearch, without the indexer. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkWriterIT implements TestPropertyProvider {

    private final StackSupport stack = new StackSupport("bulk");

    @Inject
    BulkWriter writer;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put("indexer.enabled", "false");
        return properties;
    }

    @AfterAll
    void closeStack() {
        stack.close();
    }

    private static BulkWriter.Item item(String id) {
        return new BulkWriter.Item(id, ("{\"id\":\"" + id + "\",\"title\":\"t\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void documentThatMakesElasticsearchRefuseTheWholeRequestIsRejectedAloneAndTheOthersAreIndexed() {
        // Elasticsearch answers 400 to the whole bulk request when one _id is longer than 512 bytes.
        List<BulkWriter.Item> items = List.of(item("bulk-a"), item("bulk-b"), item("x".repeat(600)), item("bulk-c"));

        List<BulkWriter.Result> results = writer.write(items);

        assertThat(results).extracting(BulkWriter.Result::outcome).containsExactly(BulkWriter.Outcome.INDEXED,
                BulkWriter.Outcome.INDEXED, BulkWriter.Outcome.PERMANENT, BulkWriter.Outcome.INDEXED);
        assertThat(results.get(2).reason()).startsWith("bulk request refused with 400");
        assertThat(results).extracting(BulkWriter.Result::item).containsExactlyElementsOf(items);
    }
}
