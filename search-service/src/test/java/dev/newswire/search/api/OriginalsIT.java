package dev.newswire.search.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.search.StackSupport;
import dev.newswire.search.TestArticles;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A pushed near-copy cannot hide the original when duplicates are left out: the original is the article
 * enriched first (which the enrich-service leaves without {@code duplicateOf}), and it stays visible even
 * when it is enriched again after the copy and then names the copy as its {@code duplicateOf}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OriginalsIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BOUND = Duration.ofSeconds(60);

    private final StackSupport stack = new StackSupport("originals");
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @AfterAll
    void closeStack() {
        stack.close();
    }

    private static EnrichedArticle article(String slug, String body, Instant publishedAt, String duplicateOf) {
        EnrichedArticle a = TestArticles.article(slug, "en", "Harbour bridge reopens " + slug, body, publishedAt,
                List.of(), List.of());
        return new EnrichedArticle(a.id(), a.url(), a.canonicalUrl(), a.sourceId(), a.sourceName(), a.ingestMethod(),
                a.fetchedAt(), a.title(), null, null, a.publishedAt(), a.language(), a.body(), null, null, null, null,
                null, duplicateOf, a.enrichedAt(), "test");
    }

    private JsonNode search(String query) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL()
                + "/api/v1/search?" + query)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("hits").spliterator(), false).map(h -> h.get("id").asText()).toList();
    }

    @Test
    void originalEnrichedAgainAfterAPushedCopyStaysVisibleAndTheCopyHidesOnlyItself() throws Exception {
        String body = "The harbour bridge reopened on Monday after two years of repairs, the city said.";
        EnrichedArticle original = article("original", body, Instant.parse("2025-11-10T08:00:00Z"), null);
        // The attacker's near-copy, claiming an earlier publication: enriched later, so it names the original.
        EnrichedArticle copy = article("pushed-copy", body + " Copy.", Instant.parse("2025-11-01T08:00:00Z"),
                original.id());
        // The original fetched and enriched again: the enrichment now finds the copy and names it.
        EnrichedArticle originalAgain = article("original", body, Instant.parse("2025-11-10T08:00:00Z"), copy.id());

        stack.send(0, original);
        await().atMost(BOUND).until(stack::caughtUp);
        stack.send(1, copy);
        stack.send(0, originalAgain);
        await().atMost(BOUND).until(() -> stack.caughtUp() && search("q=harbour").get("total").asLong() == 2);

        JsonNode originals = search("q=harbour&duplicates=exclude");
        assertThat(ids(originals)).containsExactly(original.id());
        assertThat(originals.get("hits").get(0).has("duplicateOf")).isFalse();
        JsonNode all = search("q=harbour");
        assertThat(ids(all)).containsExactlyInAnyOrder(original.id(), copy.id());
    }

    @Test
    void originalWhoseTwoEnrichmentsArriveTogetherIsStillAnOriginal() throws Exception {
        String body = "The river ferry resumes its winter timetable next week, the operator announced.";
        EnrichedArticle first = article("ferry", body, Instant.parse("2025-11-12T08:00:00Z"), null);
        EnrichedArticle copy = article("ferry-copy", body + " Copy.", Instant.parse("2025-11-02T08:00:00Z"), first.id());
        EnrichedArticle again = article("ferry", body, Instant.parse("2025-11-12T08:00:00Z"), copy.id());

        stack.send(0, first);
        stack.send(0, again);
        stack.send(1, copy);
        await().atMost(BOUND).until(() -> stack.caughtUp() && search("q=ferry").get("total").asLong() == 2);

        assertThat(ids(search("q=ferry&duplicates=exclude"))).containsExactly(first.id());
    }
}
