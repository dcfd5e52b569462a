package dev.newswire.enrich.entities;

import dev.newswire.model.EntityType;

/**
 * A recognised name in a text.
 *
 * @param start first code point
 * @param end   after the last code point (exclusive)
 * @param type  its type
 */
public record Span(int start, int end, EntityType type) implements Comparable<Span> {

    public int length() {
        return end - start;
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    @Override
    public int compareTo(Span o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(o.end, end);
    }
}
