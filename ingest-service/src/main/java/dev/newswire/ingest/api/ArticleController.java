package dev.newswire.ingest.api;

import dev.newswire.ingest.intake.IngestResponse;
import dev.newswire.ingest.intake.Intake;
import dev.newswire.model.IngestMethod;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Push API: {@code POST /api/v1/articles} with one article object or an array of them, read as a stream. */
@RestController
@RequestMapping("/api/v1/articles")
public class ArticleController {

    private final Intake ingest;
    private final ApiProperties limits;

    public ArticleController(Intake ingest, ApiProperties limits) {
        this.ingest = ingest;
        this.limits = limits;
    }

    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IngestResponse> push(InputStream body,
                                               @RequestParam(name = "method", required = false) String method)
            throws InterruptedException {
        RequestJson.Push push = RequestJson.push(body, limits.getMaxBatchSize());
        return ResponseEntity.accepted().body(ingest.pushArticles(push.items(), push.batch(),
                Methods.parse(method, IngestMethod.PUSH)));
    }
}
