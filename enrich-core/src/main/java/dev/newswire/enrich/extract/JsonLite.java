package dev.newswire.enrich.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, lenient JSON reader for the JSON-LD blocks of pages: objects become maps, arrays lists,
 * scalars strings, numbers, booleans or null. Pages carry broken JSON-LD often enough (trailing
 * commas, raw newlines in strings) that a lenient reader finds more metadata than a strict one, and
 * enrich-core stays free of a JSON library.
 */
final class JsonLite {

    /** Deeper nesting is no JSON-LD (real blocks nest a few levels): the text counts as not JSON. */
    static final int MAX_DEPTH = 100;

    private final String s;
    private int i;
    private int depth;

    private JsonLite(String s) {
        this.s = s;
    }

    /** The parsed value, or null where the text is not JSON (or nests deeper than {@link #MAX_DEPTH}). */
    static Object parse(String text) {
        try {
            JsonLite p = new JsonLite(text);
            p.skipSpace();
            return p.value();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Object value() {
        skipSpace();
        char c = s.charAt(i);
        if ((c == '{' || c == '[') && depth == MAX_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH);
        }
        switch (c) {
            case '{':
                depth++;
                Map<String, Object> map = object();
                depth--;
                return map;
            case '[':
                depth++;
                List<Object> list = array();
                depth--;
                return list;
            case '"':
            case '\'':
                return string();
            default:
                return scalar();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        i++;
        while (true) {
            skipSpace();
            if (s.charAt(i) == '}') {
                i++;
                return map;
            }
            String key = s.charAt(i) == '"' || s.charAt(i) == '\'' ? string() : String.valueOf(scalar());
            skipSpace();
            expect(':');
            Object v = value();
            map.put(key, v);
            skipSpace();
            if (s.charAt(i) == ',') {
                i++;
            }
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        i++;
        while (true) {
            skipSpace();
            if (s.charAt(i) == ']') {
                i++;
                return list;
            }
            list.add(value());
            skipSpace();
            if (s.charAt(i) == ',') {
                i++;
            }
        }
    }

    private String string() {
        char quote = s.charAt(i++);
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = s.charAt(i++);
            if (c == quote) {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
    }

    private Object scalar() {
        int start = i;
        while (i < s.length() && ",:}] \t\r\n".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        String token = s.substring(start, i);
        if (token.isEmpty()) {
            throw new IllegalStateException("unexpected " + s.charAt(i) + " at " + i);
        }
        return switch (token) {
            case "null" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> token;
        };
    }

    private void expect(char c) {
        if (s.charAt(i) != c) {
            throw new IllegalStateException("expected " + c + " at " + i);
        }
        i++;
    }

    private void skipSpace() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }
}
