package dev.newswire.cli.enrich;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.newswire.enrich.EnrichmentChain;
import dev.newswire.enrich.tagging.Tagging;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import dev.newswire.runtime.text.TextDecoding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./newswire extract FILE…}: the enrichment chain offline, no Kafka. One EnrichedArticle JSON
 * line per file, with a {@code "file"} field; a file that cannot be enriched gets a line with
 * {@code "file"} and {@code "error"} instead, and the exit code is 1. Files are decoded as
 * {@link TextDecoding} says: by their byte order mark or declared charset, else as UTF-8, stray bytes
 * replaced rather than failing the file.
 */
@Command(name = "extract", description = "Enrich files offline (no Kafka): one EnrichedArticle JSON line per file.")
public final class ExtractCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Pages (.html, .htm) or text dumps (.txt); other files are sniffed.")
    List<Path> files;

    @Override
    public Integer call() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        EnrichmentChain chain = EnrichmentChain.core().addAll(Tagging.load().stages()).build();
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        int failures = 0;
        for (Path file : files) {
            ObjectNode line = json.createObjectNode();
            line.put("file", file.toString());
            try {
                EnrichedArticle article = chain.enrich(raw(file));
                line.setAll((ObjectNode) json.valueToTree(article));
            } catch (IOException | RuntimeException e) {
                failures++;
                line.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
                System.err.println("newswire extract: " + file + ": " + e.getMessage());
            }
            out.println(line);
            out.flush();
        }
        return failures == 0 ? 0 : 1;
    }

    private static RawArticle raw(Path file) throws IOException {
        String content = TextDecoding.decode(Files.readAllBytes(file));
        // A local file has no web URL: its id is the content's, as for any article without one.
        return new RawArticle(ArticleIds.forContent(content), null, null, "file", null, Instant.now(), null,
                contentType(file), content, null, null, null, IngestMethod.FILE);
    }

    /** From the extension; null (sniffed from the content) for any other. */
    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "text/html";
        }
        if (name.endsWith(".txt")) {
            return "text/plain";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        return null;
    }
}
