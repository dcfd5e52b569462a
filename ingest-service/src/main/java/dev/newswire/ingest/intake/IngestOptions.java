package dev.newswire.ingest.intake;

import dev.newswire.model.IngestMethod;
import java.time.Instant;

/**
 * Query parameters shared by the page and feed endpoints.
 *
 * @param source      source id (and name when {@code sourceName} is absent)
 * @param sourceName  human-readable source name
 * @param language    ISO 639-1 language hint
 * @param title       title hint (raw pages)
 * @param publishedAt publication time (raw pages)
 * @param method      {@code FILE} when the CLI sends a file, else the endpoint's own method
 * @param fetchPages  whether a feed's entries' links are fetched
 */
public record IngestOptions(String source, String sourceName, String language, String title, Instant publishedAt,
                     IngestMethod method, boolean fetchPages) {
}
