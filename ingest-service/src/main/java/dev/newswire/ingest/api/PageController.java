package dev.newswire.ingest.api;

import static dev.newswire.ingest.api.RequestFields.blankToNull;
import static dev.newswire.ingest.api.RequestFields.language;
import static dev.newswire.ingest.api.RequestFields.parse;
import static dev.newswire.ingest.api.RequestFields.publishedAt;
import static dev.newswire.ingest.api.RequestFields.text;

import dev.newswire.ingest.intake.IngestOptions;
import dev.newswire.ingest.intake.IngestResponse;
import dev.newswire.ingest.intake.Intake;
import dev.newswire.model.IngestMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/pages}: {@code {"url": …}} to fetch a page (a feed URL is ingested as a feed), or the
 * page itself as {@code text/html} / {@code text/plain} with its URL, if any, in {@code ?url=}.
 */
@RestController
@RequestMapping("/api/v1/pages")
public class PageController {

    private final Intake ingest;
    private final JsonMapper json;

    public PageController(Intake ingest, JsonMapper json) {
        this.ingest = ingest;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IngestResponse> fetch(@RequestBody byte[] body) throws InterruptedException {
        JsonNode root = parse(json, body);
        if (!root.isObject()) {
            throw ApiException.field(HttpStatus.BAD_REQUEST, "invalid-page", "Invalid Page", "body",
                    "must be an object such as {\"url\": \"https://…\"}");
        }
        IngestOptions options = new IngestOptions(text(root, "source"), text(root, "sourceName"),
                language(text(root, "language")), text(root, "title"), null, IngestMethod.PAGE,
                !root.path("fetchPages").isBoolean() || root.get("fetchPages").asBoolean());
        JsonNode url = root.get("url");
        if (url == null || url.isNull()) {
            throw ApiException.field(HttpStatus.BAD_REQUEST, "invalid-url", "Invalid URL", "url", "is required");
        }
        if (!url.isString()) {
            throw ApiException.field(HttpStatus.BAD_REQUEST, "invalid-url", "Invalid URL", "url", "must be a string");
        }
        return ResponseEntity.accepted().body(ingest.fetchPage(url.asString(), options));
    }

    @PostMapping(consumes = {MediaType.TEXT_HTML_VALUE, MediaType.TEXT_PLAIN_VALUE, "application/xhtml+xml"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IngestResponse> upload(@RequestBody byte[] body,
                                                 @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                                 @RequestParam(name = "url", required = false) String url,
                                                 @RequestParam(name = "title", required = false) String title,
                                                 @RequestParam(name = "source", required = false) String source,
                                                 @RequestParam(name = "sourceName", required = false) String sourceName,
                                                 @RequestParam(name = "language", required = false) String language,
                                                 @RequestParam(name = "publishedAt", required = false) String publishedAt,
                                                 @RequestParam(name = "method", required = false) String method)
            throws InterruptedException {
        IngestOptions options = new IngestOptions(blankToNull(source), blankToNull(sourceName), language(language),
                blankToNull(title), publishedAt(publishedAt), Methods.parse(method, IngestMethod.PAGE), false);
        return ResponseEntity.accepted().body(ingest.ingestPageBody(body, contentType, blankToNull(url), options));
    }

}
