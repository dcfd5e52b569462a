package dev.newswire.search.index;

/**
 * Facet keys: a value and its display label in one keyword, so that one terms aggregation yields both
 * (e.g. {@code person/pete-hegseth␟Pete Hegseth}). The unit separator never occurs in ids or names.
 */
public final class FacetKeys {

    private static final char SEPARATOR = '\u001f';

    private FacetKeys() {
    }

    public static String join(String value, String label) {
        return value + SEPARATOR + (label == null ? value : label);
    }

    /** The value part of a key. */
    public static String value(String key) {
        int i = key.indexOf(SEPARATOR);
        return i < 0 ? key : key.substring(0, i);
    }

    /** The label part of a key. */
    public static String label(String key) {
        int i = key.indexOf(SEPARATOR);
        return i < 0 ? key : key.substring(i + 1);
    }
}
