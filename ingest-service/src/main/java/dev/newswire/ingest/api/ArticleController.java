package dev.newswire.ingest.api;

import static dev.newswire.ingest.api.RequestFields.parse;

import dev.newswire.model.IngestMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Push API: {@code POST /api/v1/articles} with one article object or an array of them. */
@RestController
@RequestMapping("/api/v1/articles")
public class ArticleController {

    private final IngestService ingest;
    private final JsonMapper json;

    public ArticleController(IngestService ingest, JsonMapper json) {
        this.ingest = ingest;
        this.json = json;
    }

    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IngestResponse> push(@RequestBody byte[] body,
                                               @RequestParam(name = "method", required = false) String method)
            throws InterruptedException {
        JsonNode root = parse(json, body);
        if (!root.isObject() && !root.isArray()) {
            throw ApiException.field(HttpStatus.BAD_REQUEST, "invalid-article", "Invalid Article", "body",
                    "must be an article object or an array of them");
        }
        return ResponseEntity.accepted().body(ingest.pushArticles(root, Methods.parse(method, IngestMethod.PUSH)));
    }

    /** Parses JSON, answering malformed input with the parser's own location of the error. */}
