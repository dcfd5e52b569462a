package dev.newswire.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * A topic the article is about.
 *
 * @param id     topic id, e.g. {@code us-china-military-dialogue}
 * @param labels label per ISO 639-1 language code
 * @param score  match strength, higher is stronger
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TopicMatch(String id, Map<String, String> labels, double score) {
}
