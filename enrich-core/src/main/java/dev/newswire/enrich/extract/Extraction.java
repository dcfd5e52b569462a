package dev.newswire.enrich.extract;

import java.time.Instant;
import java.util.List;

/**
 * What extraction found in a page or a text dump.
 *
 * @param title       the headline, or null
 * @param byline      the byline as written (without a leading "By"), or null
 * @param authors     author names split out of the byline
 * @param publishedAt publication time, or null
 * @param siteName    the site's name, or null
 * @param language    the language the page declares (ISO 639-1), or null: a hint only
 * @param paragraphs  the article body, one entry per paragraph, characters as written
 */
public record Extraction(
        String title,
        String byline,
        List<String> authors,
        Instant publishedAt,
        String siteName,
        String language,
        List<String> paragraphs) {

    public Extraction {
        authors = authors == null ? List.of() : List.copyOf(authors);
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }

    /** The body as stored in the event: paragraphs separated by one blank line. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }
}
