package dev.newswire.ingest.api;

import static dev.newswire.ingest.api.RequestFields.parse;
import static dev.newswire.ingest.api.RequestFields.text;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.newswire.ingest.intake.FieldProblem;
import dev.newswire.ingest.source.FeedSource;
import dev.newswire.ingest.source.InvalidSourceException;
import dev.newswire.ingest.source.RegisteredSource;
import dev.newswire.ingest.source.SourceRegistry;
import dev.newswire.ingest.source.SourceSpec;
import dev.newswire.ingest.source.SourceState;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Feed sources: {@code GET/POST /api/v1/sources}, {@code GET/PUT/DELETE /api/v1/sources/{id}}. */
@RestController
@RequestMapping(path = "/api/v1/sources", produces = MediaType.APPLICATION_JSON_VALUE)
public class SourceController {

    private final SourceRegistry registry;
    private final JsonMapper json;

    public SourceController(SourceRegistry registry, JsonMapper json) {
        this.registry = registry;
        this.json = json;
    }

    /**
     * A source as the API shows it: its definition and how polling it went.
     *
     * @param interval ISO-8601 duration, e.g. {@code PT15M}
     * @param origin   {@code file} (the sources YAML) or {@code api}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceView(String id, String name, String url, String interval, boolean fetchPages, String language,
                             boolean enabled, String origin, SourceState.Snapshot status) {

        static SourceView of(RegisteredSource source) {
            FeedSource d = source.definition();
            return new SourceView(d.id(), d.name(), d.url().toString(), d.interval().toString(), d.fetchPages(),
                    d.language(), d.enabled(), d.origin().name().toLowerCase(), source.state().snapshot());
        }
    }

    @GetMapping
    public List<SourceView> list() {
        return registry.all().stream().map(SourceView::of).toList();
    }

    @GetMapping("/{id}")
    public SourceView get(@PathVariable("id") String id) {
        return registry.get(id).map(SourceView::of).orElseThrow(() -> notFound(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SourceView> create(@RequestBody byte[] body) {
        SourceSpec spec = spec(body);
        try {
            RegisteredSource added = registry.add(spec, FeedSource.Origin.API);
            return ResponseEntity.created(URI.create("/api/v1/sources/" + added.definition().id()))
                    .body(SourceView.of(added));
        } catch (InvalidSourceException e) {
            throw invalid(e);
        }
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public SourceView replace(@PathVariable("id") String id, @RequestBody byte[] body) {
        try {
            return SourceView.of(registry.put(id, spec(body), FeedSource.Origin.API));
        } catch (InvalidSourceException e) {
            throw invalid(e);
        }
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable("id") String id) {
        if (!registry.remove(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private SourceSpec spec(byte[] body) {
        JsonNode root = parse(json, body);
        if (!root.isObject()) {
            throw ApiException.field(HttpStatus.BAD_REQUEST, "invalid-source", "Invalid Source", "body",
                    "must be a source object such as {\"url\": \"https://…/feed.xml\"}");
        }
        return new SourceSpec(text(root, "id"), text(root, "name"),
                text(root, "url"), interval(root), bool(root, "fetchPages"),
                text(root, "language"), bool(root, "enabled"));
    }

    private static String interval(JsonNode root) {
        JsonNode value = root.get("interval");
        if (value != null && value.isIntegralNumber()) {
            return value.asString();
        }
        return text(root, "interval");
    }

    private static Boolean bool(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ApiException.field(HttpStatus.BAD_REQUEST, "invalid-source", "Invalid Source", field,
                    "must be true or false");
        }
        return value.asBoolean();
    }

    private static ApiException invalid(InvalidSourceException e) {
        boolean conflict = e.fieldErrors().getOrDefault("id", "").contains("exists already");
        List<FieldProblem> errors = e.fieldErrors().entrySet().stream()
                .map(entry -> new FieldProblem(entry.getKey(), entry.getValue())).toList();
        String detail = errors.stream().map(p -> p.field() + ": " + p.detail()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid source");
        return new ApiException(conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                conflict ? "source-exists" : "invalid-source", conflict ? "Source Exists" : "Invalid Source", detail,
                errors, null, null);
    }

    private static ApiException notFound(String id) {
        return ApiException.field(HttpStatus.NOT_FOUND, "source-not-found", "Source Not Found", "id",
                "no source with id '" + id + "'");
    }
}
