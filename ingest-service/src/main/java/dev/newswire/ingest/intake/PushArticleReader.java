package dev.newswire.ingest.intake;

import dev.newswire.ingest.publish.RawArticles;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.RawArticle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks one pushed JSON article field by field: {@code url}, {@code title}, {@code content} or {@code html},
 * {@code publishedAt}, {@code summary}, {@code source}, {@code sourceName}, {@code language}. Unknown fields
 * are ignored (tolerant reader); every problem names its field.
 */
public final class PushArticleReader {

    /** The outcome: an article, or the problems. */
    record Result(PushArticle article, List<FieldProblem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }

        /** Whether the only trouble is size (answered 413 rather than 400 for a single article). */
        boolean tooLarge() {
            return !problems.isEmpty() && problems.stream().allMatch(p -> p.detail().startsWith("is longer than"));
        }
    }

    private final int maxTitleLength;
    private final int maxSummaryLength;

    PushArticleReader(int maxTitleLength, int maxSummaryLength) {
        this.maxTitleLength = maxTitleLength;
        this.maxSummaryLength = maxSummaryLength;
    }

    Result read(JsonNode node, String defaultSourceId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (node == null || !node.isObject()) {
            problems.add(new FieldProblem("body", "an article must be a JSON object"));
            return new Result(null, problems);
        }
        String url = string(node, "url", 8192, problems);
        if (url != null) {
            try {
                ArticleIds.canonicalize(url);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("url", "must be an absolute http or https URL"));
            }
        }
        String title = string(node, "title", maxTitleLength, problems);
        String content = string(node, "content", RawArticle.MAX_CONTENT_CHARS, problems);
        String html = string(node, "html", RawArticle.MAX_CONTENT_CHARS, problems);
        String summary = string(node, "summary", maxSummaryLength, problems);
        String source = string(node, "source", 256, problems);
        String sourceName = string(node, "sourceName", 512, problems);
        String languageTag = string(node, "language", 35, problems);
        String published = string(node, "publishedAt", 64, problems);

        tooLargeAsJson("content", content, problems);
        tooLargeAsJson("html", html, problems);
        if (content != null && html != null) {
            problems.add(new FieldProblem("html", "give either content (plain text) or html, not both"));
        }
        if (present(node, "content") && content != null && content.isBlank()) {
            problems.add(new FieldProblem("content", "is blank"));
        }
        if (present(node, "html") && html != null && html.isBlank()) {
            problems.add(new FieldProblem("html", "is blank"));
        }
        if (url == null && content == null && html == null && !present(node, "url") && !present(node, "content")
                && !present(node, "html")) {
            problems.add(new FieldProblem("content", "give content or html, or a url to fetch the page from"));
        }
        Instant publishedAt = null;
        if (published != null) {
            publishedAt = instant(published);
            if (publishedAt == null) {
                problems.add(new FieldProblem("publishedAt",
                        "must be an ISO-8601 date-time with offset, e.g. 2025-11-26T06:30:00Z"));
            }
        }
        String language = null;
        if (languageTag != null) {
            language = RawArticles.language(languageTag);
            if (language == null) {
                problems.add(new FieldProblem("language", "must be an ISO 639-1 code (or a tag starting with one),"
                        + " e.g. en, ja, pt-BR"));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        String body = html != null ? html : content;
        String sourceId = source != null ? RawArticles.sourceId(source) : defaultSourceId;
        String name = sourceName != null ? sourceName : source != null ? source : defaultSourceId;
        return new Result(new PushArticle(url, title, body, html != null ? "text/html" : "text/plain", publishedAt,
                summary, sourceId, name, language), problems);
    }

    private static void tooLargeAsJson(String field, String value, List<FieldProblem> problems) {
        if (value != null && !RawArticles.fits(value)) {
            problems.add(new FieldProblem(field, "is longer than " + RawArticles.MAX_CONTENT_JSON_BYTES
                    + " bytes as JSON, the most a raw event holds"));
        }
    }

    private static boolean present(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** The field as a string; {@code null} when absent or JSON null; a problem when of another type or too long. */
    private static String string(JsonNode node, String field, int maxLength, List<FieldProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(field, "must be a string, not " + value.getNodeType().name().toLowerCase()));
            return null;
        }
        String s = value.asString();
        if (s.length() > maxLength) {
            problems.add(new FieldProblem(field, "is longer than " + maxLength + " characters"));
            return null;
        }
        return s;
    }

    /** RFC 3339 / ISO-8601 with offset; a bare date is taken as midnight UTC. */
    public static Instant instant(String text) {
        String s = text.strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
