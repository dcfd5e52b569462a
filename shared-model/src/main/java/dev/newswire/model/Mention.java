package dev.newswire.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One occurrence of an entity in the article.
 *
 * @param text  the surface form as written
 * @param field {@code title} or {@code body}
 * @param start offset of the first character, in Unicode code points of the field
 * @param end   offset after the last character (exclusive), in code points
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Mention(String text, String field, int start, int end) {
}
