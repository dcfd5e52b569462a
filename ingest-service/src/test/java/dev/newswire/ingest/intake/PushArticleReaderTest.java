package dev.newswire.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.ingest.publish.RawArticles;
import dev.newswire.model.RawArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PushArticleReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final PushArticleReader reader = new PushArticleReader(2000, 20_000);

    /** The bundled sample corpus ({@code samples/articles}) is what {@code ./newswire up} pushes. */
    static Stream<Path> sampleFiles() throws IOException {
        Path dir = Path.of("..", "samples", "articles");
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void acceptsEverySampleArticle(Path file) throws IOException {
        for (JsonNode article : JSON.readTree(file.toFile())) {
            PushArticleReader.Result result = reader.read(article, "push");
            assertThat(result.problems()).as(article.path("url").asString()).isEmpty();
            assertThat(result.article().sourceId()).isEqualTo(article.get("source").asString());
            assertThat(result.article().sourceName()).isEqualTo(article.get("sourceName").asString());
        }
    }

    @Test
    void readsAFullArticle() {
        PushArticleReader.Result result = reader.read(JSON.readTree("""
                {"url": " https://news.example/a ", "title": "T", "html": "<p>x</p>", "publishedAt": "2025-11-26",
                 "source": "Example News", "language": "pt-BR", "extra": "ignored"}
                """), "push");

        assertThat(result.problems()).isEmpty();
        PushArticle a = result.article();
        assertThat(a.contentType()).isEqualTo("text/html");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-11-26T00:00:00Z"));
        assertThat(a.sourceId()).isEqualTo("example-news");
        assertThat(a.language()).isEqualTo("pt");
    }

    @Test
    void aUrlAloneMeansFetchThePage() {
        PushArticleReader.Result result = reader.read(JSON.readTree("{\"url\": \"https://news.example/a\"}"), "push");

        assertThat(result.ok()).isTrue();
        assertThat(result.article().content()).isNull();
    }

    @Test
    void contentOverTheEventCapIsTooLargeNotMalformed() {
        String huge = "x".repeat(RawArticle.MAX_CONTENT_CHARS + 1);
        PushArticleReader.Result result = reader.read(JSON.createObjectNode().put("content", huge), "push");

        assertThat(result.tooLarge()).isTrue();
        assertThat(result.problems()).extracting(FieldProblem::field).containsExactly("content");
    }

    @Test
    void namesBlankContentAndWrongTypes() {
        PushArticleReader.Result result = reader.read(JSON.readTree(
                "{\"content\": \"  \", \"source\": [\"a\"], \"url\": 7}"), "push");

        assertThat(result.problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("content", "source", "url");
    }

    @Test
    void anArrayElementThatIsNoObjectIsNamed() {
        PushArticleReader.Result result = reader.read(JSON.readTree("\"just text\""), "push");

        assertThat(result.problems()).containsExactly(new FieldProblem("body", "an article must be a JSON object"));
    }

    @Test
    void contentUnderTheCharacterCapThatWouldNotFitARawEventIsRefusedAsTooLarge() {
        // 1.5 Mi control characters: under the 2 Mi character cap, but 9 MiB as escaped JSON.
        var article = JSON.createObjectNode().put("content", "\u0001".repeat(1_536 * 1024));

        PushArticleReader.Result result = reader.read(article, "push");

        assertThat(result.tooLarge()).isTrue();
        assertThat(result.problems()).extracting(FieldProblem::detail).containsExactly(
                "is longer than " + RawArticles.MAX_CONTENT_JSON_BYTES
                        + " bytes as JSON, the most a raw event holds");
    }
}
