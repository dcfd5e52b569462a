package dev.newswire.ingest.api;

import dev.newswire.ingest.intake.PushArticleReader;
import dev.newswire.ingest.publish.RawArticles;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading request bodies and parameters, every bad value answered with a problem naming its field. */
final class RequestFields {

    private RequestFields() {
    }

    /** The JSON body; a 400 problem on field {@code body} when it is empty, malformed or nested too deep. */
    static JsonNode parse(JsonMapper json, byte[] body) {
        return RequestJson.tree(body);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.field(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid Parameter", field,
                    "must be a string");
        }
        return blankToNull(value.asString());
    }

    static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = RawArticles.language(tag);
        if (language == null) {
            throw ApiException.field(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid Parameter", "language",
                    "must be an ISO 639-1 code (or a tag starting with one), e.g. en, ja, pt-BR");
        }
        return language;
    }

    static Instant publishedAt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = PushArticleReader.instant(value);
        if (instant == null) {
            throw ApiException.field(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid Parameter", "publishedAt",
                    "must be an ISO-8601 date-time with offset, e.g. 2025-11-26T06:30:00Z");
        }
        return instant;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
