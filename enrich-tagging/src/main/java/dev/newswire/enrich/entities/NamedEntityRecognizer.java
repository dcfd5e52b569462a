package dev.newswire.enrich.entities;

import java.util.List;

/** Finds names in one text; offsets in code points of that text. Implementations are thread-safe. */
public interface NamedEntityRecognizer {

    List<Span> find(String text);
}
