package dev.newswire.ingest.api;

import dev.newswire.ingest.intake.FieldProblem;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading JSON request bodies with bounds: nesting at most {@link #MAX_DEPTH} levels (a body of a million
 * {@code [} is refused at the 33rd, not followed into a stack overflow), field names and numbers short, and
 * the push batch read as a stream, one article at a time, so that its size limit is checked before the rest
 * of the body is read.
 */
final class RequestJson {

    /** Deepest nesting of a request body; an article is two levels deep, a batch three. */
    static final int MAX_DEPTH = 32;

    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNameLength(1_000)
                            .maxNumberLength(100)
                            .build())
                    .build())
            .build();

    /** The same, reading one value of a stream at a time (what follows a value is checked by {@link #end}). */
    private static final JsonMapper STREAM = MAPPER.rebuild()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A push body: one article, or the articles of a batch. */
    record Push(boolean batch, List<JsonNode> items) {
    }

    private RequestJson() {
    }

    /** The body as a tree; a 400 problem on field {@code body} when it is empty, malformed or too deep. */
    static JsonNode tree(byte[] body) {
        if (body == null || body.length == 0) {
            throw malformed("is empty");
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw malformed("is empty");
            }
            return root;
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    /**
     * Reads {@code POST /api/v1/articles}: an object, or an array of at most {@code maxBatch} objects, read
     * element by element; the 413 comes as soon as element {@code maxBatch + 1} begins.
     */
    static Push push(InputStream in, int maxBatch) {
        try (JsonParser parser = STREAM.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw malformed("is empty");
            }
            if (first == JsonToken.START_OBJECT) {
                JsonNode article = STREAM.readTree(parser);
                end(parser);
                return new Push(false, List.of(article));
            }
            if (first != JsonToken.START_ARRAY) {
                throw ApiException.field(HttpStatus.BAD_REQUEST, "invalid-article", "Invalid Article", "body",
                        "must be an article object or an array of them");
            }
            List<JsonNode> items = new ArrayList<>();
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                if (t == null) {
                    throw malformed("is not valid JSON: the array is not closed");
                }
                if (items.size() == maxBatch) {
                    String detail = "a batch holds at most " + maxBatch + " articles, this one more";
                    throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "batch-too-large", "Batch Too Large",
                            "body: " + detail, FieldProblem.one("body", detail), Map.of("maxBatchSize", maxBatch), null);
                }
                items.add(STREAM.readTree(parser));
            }
            end(parser);
            return new Push(true, items);
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    private static void end(JsonParser parser) {
        if (parser.nextToken() != null) {
            throw malformed("is not valid JSON: more follows the first value at line "
                    + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr());
        }
    }

    /** A body over the cap is a 413 whichever reader met it; anything else the parser refused is a 400. */
    private static ApiException translate(JacksonException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeFilter.BodyTooLargeException tooLarge) {
                return BodySizeFilter.tooLarge(tooLarge.maxBytes());
            }
            if (t instanceof BodySizeFilter.BodiesInFlightException) {
                return BodySizeFilter.busy();
            }
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return malformed("is not valid JSON" + where + ": " + e.getOriginalMessage());
    }

    private static ApiException malformed(String detail) {
        return ApiException.field(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", "body", detail);
    }
}
