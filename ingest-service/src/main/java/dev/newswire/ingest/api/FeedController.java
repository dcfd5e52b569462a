package dev.newswire.ingest.api;

import static dev.newswire.ingest.api.RequestFields.blankToNull;
import static dev.newswire.ingest.api.RequestFields.language;
import static dev.newswire.ingest.api.RequestFields.parse;
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
 * {@code POST /api/v1/feeds}: a one-off ingest of a feed — {@code {"url": …}} to fetch it, or the RSS /
 * Atom / JSON Feed document itself in the body (the CLI sends feed files so). Every entry becomes an
 * article; entry links are fetched only when {@code fetchPages} is true (default false here: a file's
 * entries usually carry their content, and a user did not ask to crawl).
 */
@RestController
@RequestMapping("/api/v1/feeds")
public class FeedController {

    private final Intake ingest;
    private final JsonMapper json;

    public FeedController(Intake ingest, JsonMapper json) {
        this.ingest = ingest;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IngestResponse> fetch(@RequestBody byte[] body) throws InterruptedException {
        JsonNode root = parse(json, body);
        if (!root.isObject()) {
            throw ApiException.field(HttpStatus.BAD_REQUEST, "invalid-feed", "Invalid Feed", "body",
                    "must be an object such as {\"url\": \"https://…/feed.xml\"}");
        }
        IngestOptions options = new IngestOptions(text(root, "source"),
                text(root, "sourceName"), language(text(root, "language")),
                null, null, IngestMethod.FEED, root.path("fetchPages").isBoolean() && root.get("fetchPages").asBoolean());
        return ResponseEntity.accepted().body(ingest.fetchFeed(text(root, "url"), options));
    }

    @PostMapping(consumes = {"application/rss+xml", "application/atom+xml", "application/rdf+xml",
            "application/feed+json", MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IngestResponse> upload(@RequestBody byte[] body,
                                                 @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                                 @RequestParam(name = "source", required = false) String source,
                                                 @RequestParam(name = "sourceName", required = false) String sourceName,
                                                 @RequestParam(name = "language", required = false) String language,
                                                 @RequestParam(name = "fetchPages", defaultValue = "false") boolean fetchPages,
                                                 @RequestParam(name = "method", required = false) String method)
            throws InterruptedException {
        IngestOptions options = new IngestOptions(blankToNull(source),
                blankToNull(sourceName), language(language), null, null,
                Methods.parse(method, IngestMethod.FEED), fetchPages);
        return ResponseEntity.accepted().body(ingest.ingestFeedBody(body, contentType, options));
    }
}
