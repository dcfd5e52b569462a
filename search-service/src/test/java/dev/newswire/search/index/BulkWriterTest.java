package dev.newswire.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.search.index.BulkWriter.Item;
import dev.newswire.search.index.BulkWriter.Outcome;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkWriterTest {

    private static Item item(int i, int bytes) {
        return new Item("a" + i, new byte[bytes]);
    }

    @Test
    void batchesRespectTheDocumentCount() {
        List<Item> items = IntStream.range(0, 7).mapToObj(i -> item(i, 10)).toList();

        assertThat(BulkWriter.batches(items, 3, 1_000)).extracting(List::size).containsExactly(3, 3, 1);
    }

    @Test
    void batchesRespectTheByteLimitButNeverDropAnOversizedDocument() {
        List<Item> items = List.of(item(0, 40), item(1, 40), item(2, 500), item(3, 10));

        List<List<Item>> batches = BulkWriter.batches(items, 100, 100);

        assertThat(batches).extracting(List::size).containsExactly(2, 1, 1);
        assertThat(batches.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(items);
    }

    @Test
    void overloadServerErrorsAndBlocksAreTransient() {
        assertThat(BulkWriter.classify(429, "es_rejected_execution_exception")).isEqualTo(Outcome.TRANSIENT);
        assertThat(BulkWriter.classify(503, "unavailable_shards_exception")).isEqualTo(Outcome.TRANSIENT);
        assertThat(BulkWriter.classify(500, "exception")).isEqualTo(Outcome.TRANSIENT);
        assertThat(BulkWriter.classify(403, "cluster_block_exception")).isEqualTo(Outcome.TRANSIENT);
        assertThat(BulkWriter.classify(404, "index_not_found_exception")).isEqualTo(Outcome.TRANSIENT);
    }

    @Test
    void documentErrorsArePermanent() {
        assertThat(BulkWriter.classify(400, "document_parsing_exception")).isEqualTo(Outcome.PERMANENT);
        assertThat(BulkWriter.classify(400, "mapper_parsing_exception")).isEqualTo(Outcome.PERMANENT);
        assertThat(BulkWriter.classify(400, "illegal_argument_exception")).isEqualTo(Outcome.PERMANENT);
    }
}
