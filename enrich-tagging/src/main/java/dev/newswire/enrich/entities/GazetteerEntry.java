package dev.newswire.enrich.entities;

import dev.newswire.model.EntityType;
import java.util.List;
import java.util.Map;

/**
 * One known entity of world news.
 *
 * @param id      canonical id, e.g. {@code person/pete-hegseth}
 * @param type    its type
 * @param name    canonical English name
 * @param aliases names by ISO 639-1 language code, the English name first under {@code en}
 */
public record GazetteerEntry(String id, EntityType type, String name, Map<String, List<String>> aliases) {
}
