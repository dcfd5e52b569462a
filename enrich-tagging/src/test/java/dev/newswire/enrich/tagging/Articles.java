package dev.newswire.enrich.tagging;

import dev.newswire.enrich.ArticleDraft;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Drafts as the core chain hands them over (text extracted, language known), and shared data. */
public final class Articles {

    private static Tagging tagging;

    private Articles() {
    }

    public static ArticleDraft draft(String id, String language, String title, String body) {
        RawArticle raw = new RawArticle(id, null, null, "test", "test", Instant.parse("2025-11-20T00:00:00Z"), null,
                "text/plain", body, null, null, language, IngestMethod.FILE);
        return ArticleDraft.of(raw).withText(title, null, List.of(), null, null, body).withLanguage(language);
    }

    /** One loaded {@link Tagging} for all tests of the JVM: loading the models is the slow part. */
    public static synchronized Tagging tagging() {
        if (tagging == null) {
            tagging = Tagging.load();
        }
        return tagging;
    }

    /** {@code ../shared} beside the checkout; skips the test where it is absent (a user's clone). */
    public static Path sharedDir() {
        String dir = System.getProperty("newswire.shared.dir", "../../shared");
        Path path = Path.of(dir);
        Assumptions.assumeTrue(Files.isDirectory(path.resolve("eval")),
                "../shared (evaluation data and the seed) is absent: " + path.toAbsolutePath());
        return path;
    }
}
