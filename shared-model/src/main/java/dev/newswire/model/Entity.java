package dev.newswire.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A named entity of an article, linked across languages.
 *
 * @param id       canonical id, language-independent (e.g. {@code person/pete-hegseth})
 * @param name     canonical name, in English where one is known
 * @param type     person, organisation or place
 * @param mentions where it occurs in the article
 * @param aliases  names in other languages, by ISO 639-1 code (e.g. {@code ja → [ピート・ヘグセス]})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Entity(String id, String name, EntityType type, List<Mention> mentions,
                     Map<String, List<String>> aliases) {
}
