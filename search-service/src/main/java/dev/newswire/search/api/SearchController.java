package dev.newswire.search.api;

import dev.newswire.model.EnrichedArticle;
import dev.newswire.runtime.problem.Problem;
import dev.newswire.search.api.SearchResponses.SearchPage;
import dev.newswire.search.api.SearchResponses.SimilarArticles;
import dev.newswire.search.api.SearchResponses.TopicList;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The search API, v1. Elasticsearch calls block, so requests run on the blocking executor. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.APPLICATION_JSON)
public class SearchController {

    /** Article ids are sha-256 hex; this bound only keeps junk out of Elasticsearch requests. */
    private static final int MAX_ID_LENGTH = 128;
    private static final int MAX_SIMILAR = 50;

    private final SearchService search;
    private final SearchParameters parameters;

    public SearchController(SearchService search, SearchApiSettings limits) {
        this.search = search;
        this.parameters = new SearchParameters(limits);
    }

    @Get("/search")
    @Operation(summary = "Full-text and faceted search over articles in every language",
            description = "q is matched word by word (Japanese and Chinese are segmented into words) against titles,"
                    + " bodies, entity names and aliases in every language, and topic labels. Filters of one name"
                    + " are alternatives; different filters all apply. Facets count over all matching articles.")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "text to search for")
    @Parameter(name = "topic", in = ParameterIn.QUERY, description = "topic id, repeatable")
    @Parameter(name = "person", in = ParameterIn.QUERY, description = "person id or name, repeatable")
    @Parameter(name = "organization", in = ParameterIn.QUERY, description = "organisation id or name, repeatable")
    @Parameter(name = "place", in = ParameterIn.QUERY, description = "place id or name, repeatable")
    @Parameter(name = "source", in = ParameterIn.QUERY, description = "source id or name, repeatable")
    @Parameter(name = "lang", in = ParameterIn.QUERY, description = "ISO 639-1 language code, repeatable")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "published at or after (2025-11-01 or 2025-11-01T00:00:00Z)")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "published at or before; a date includes the whole day")
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = "relevance (default) or newest")
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "hits per page, 1 to search.api.max-size (100)")
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "the cursor of the previous page")
    @Parameter(name = "duplicates", in = ParameterIn.QUERY,
            description = "include (default) or exclude: exclude leaves out near-duplicates of earlier articles"
                    + " (re-published wire stories), in hits, total and facets alike")
    @ApiResponse(responseCode = "200", description = "a page of results with facets")
    @ApiResponse(responseCode = "400", description = "an invalid parameter, named in the problem",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchPage search(HttpRequest<?> request) {
        return search.search(parameters.parse(
                name -> request.getParameters().getFirst(name).orElse(null),
                name -> request.getParameters().getAll(name)));
    }

    @Get("/articles/{id}")
    @Operation(summary = "An article as indexed")
    @ApiResponse(responseCode = "404", description = "no such article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EnrichedArticle article(@PathVariable String id) {
        return search.article(checkId(id));
    }

    @Get("/articles/{id}/similar")
    @Operation(summary = "Articles like the given one, in any language: shared words, topics and entities")
    @ApiResponse(responseCode = "404", description = "no such article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SimilarArticles similar(@PathVariable String id,
                                   @Parameter(description = "most articles, 1 to 50") @QueryValue @Nullable String size) {
        int n = 10;
        if (size != null) {
            try {
                n = Integer.parseInt(size);
            } catch (NumberFormatException e) {
                throw ProblemException.invalidParameter("size", "size is not a whole number");
            }
            if (n < 1 || n > MAX_SIMILAR) {
                throw ProblemException.invalidParameter("size", "size must be between 1 and " + MAX_SIMILAR);
            }
        }
        return search.similar(checkId(id), n);
    }

    @Get("/topics")
    @Operation(summary = "Every topic with its label and article count, most articles first")
    public TopicList topics() {
        return search.topics();
    }

    private static String checkId(String id) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || id.codePoints().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidParameter("id", "not an article id");
        }
        return id;
    }
}
