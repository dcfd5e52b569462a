package dev.newswire.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.ArticleIds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PoisonsTest {

    private final Poisons poisons = new Poisons(new IngestApi(1, "key"), null, null, "run", Path.of("/nonexistent"));

    @Test
    void theSuiteTriesAtLeastFifteenKindsAmongThemEveryKindTheIssueNames() {
        Set<String> kinds = poisons.all().stream().map(Poison::kind).collect(Collectors.toSet());
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(15).contains("auth bypass", "1 MB single word", "2.4 MB Japanese page",
                "JSON-LD whitespace runs", "20,000 nested divs", "charset with an invalid byte", "malformed JSON",
                "unknown schema version", "invalid UTF-8", "10 MB page", "gzip bomb", "XML entity expansion",
                "never-ending response", "slow-drip response", "feed of 100k items", "deep nesting (JSON)");
        assertThat(poisons.all().stream().map(Poison::name)).doesNotHaveDuplicates();
    }

    @Test
    void theAuthBypassPathsOfTheIssueAreTriedWithoutAKey() {
        assertThat(poisons.all().stream().map(Poison::name)).contains("no key on /%61pi/v1/articles",
                "no key on /api;x/v1/articles");
    }

    @Test
    void aRecordWrittenStraightToATopicHasTheIdTheIngestServiceWouldGiveItsUrl() {
        assertThat(poisons.directId("x")).isEqualTo(ArticleIds.forUrl("https://chaos.newswire.test/run/poison/x"));
    }

    @Test
    void theBillionLaughsFeedNestsNineLevelsOfTenReferences() {
        String xml = new String(TestSite.billionLaughs(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">",
                "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">", "<title>&lol9;</title>");
        assertThat(xml.length()).isLessThan(2048);
    }

    @Test
    void theTenMegabytePageIsTenMegabytesOfParagraphs() {
        byte[] page = TestSite.tenMegabytePage();
        assertThat(page.length).isBetween(10 * 1024 * 1024, 10 * 1024 * 1024 + 4096);
        assertThat(new String(page, 0, 200, StandardCharsets.UTF_8)).startsWith("<html><head><title>");
    }

    @Test
    void aCanaryOnAPoisonsPartitionGoesWhereKafkasDefaultPartitionerPutsItsKey() {
        // Kafka's BuiltInPartitioner for a keyed record: murmur2 of the key bytes, made positive, modulo partitions.
        String id = ArticleIds.forUrl("https://chaos.newswire.test/run/canary/0");
        int expected = (org.apache.kafka.common.utils.Utils.murmur2(id.getBytes(StandardCharsets.UTF_8)) & 0x7fffffff) % 3;
        assertThat(Pipeline.partitionOf(id, 3)).isEqualTo(expected);
        assertThat(List.of(0, 1, 2)).contains(Pipeline.partitionOf(id, 3));
    }
}
