package dev.newswire.enrich.topics;

import java.util.Map;

/**
 * A stored query of {@code topics.yml}.
 *
 * @param id       topic id, e.g. {@code us-china-military-dialogue}
 * @param labels   label per ISO 639-1 language
 * @param query    Lucene query syntax over {@code title}, {@code body} (the default fields) and
 *                 {@code entity} (canonical entity ids, e.g. {@code entity:"place/china"})
 * @param minScore the least score that counts as a match (default 0: any match)
 */
public record Topic(String id, Map<String, String> labels, String query, double minScore) {
}
