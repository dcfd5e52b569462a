package dev.newswire.enrich.entities;

import dev.newswire.model.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Entities of world news with their names in several languages, from the resource
 * {@code gazetteer.tsv}: one entity a line, {@code id TAB type TAB English name}, then one column
 * per language, {@code ja:名前|別名}. Finds the names in a text (longest match first) and links a
 * surface form to its entity. Where two entities share an alias, the one listed first wins.
 */
public final class Gazetteer {

    static final String RESOURCE = "gazetteer.tsv";

    private final List<GazetteerEntry> entries;
    private final Map<String, GazetteerEntry> byKey = new HashMap<>();
    private final Map<String, GazetteerEntry> byId = new HashMap<>();
    private final Node root = new Node();

    /** A name found in a text: code point offsets and the entity. */
    public record Match(int start, int end, GazetteerEntry entry) {
    }

    private static final class Node {
        Map<Integer, Node> next;
        GazetteerEntry entry;
        boolean latin;
    }

    Gazetteer(List<GazetteerEntry> entries) {
        this.entries = List.copyOf(entries);
        for (GazetteerEntry entry : entries) {
            byId.putIfAbsent(entry.id(), entry);
            for (List<String> names : entry.aliases().values()) {
                for (String alias : names) {
                    byKey.putIfAbsent(key(alias), entry);
                    // One character (米, 英) is a name only in context: linked, never searched for.
                    if (alias.codePointCount(0, alias.length()) > 1) {
                        add(alias, entry);
                    }
                }
            }
        }
    }

    public static Gazetteer load() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new Gazetteer(parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<GazetteerEntry> parse(InputStream in) throws IOException {
        List<GazetteerEntry> entries = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length < 3) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + ": want id, type, name");
            }
            Map<String, List<String>> aliases = new LinkedHashMap<>();
            aliases.computeIfAbsent("en", l -> new ArrayList<>()).add(columns[2].trim());
            for (int c = 3; c < columns.length; c++) {
                String column = columns[c].trim();
                if (column.isEmpty()) {
                    continue;
                }
                int colon = column.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException(RESOURCE + " line " + number + ": want lang:alias|alias");
                }
                List<String> names = aliases.computeIfAbsent(column.substring(0, colon), l -> new ArrayList<>());
                for (String alias : column.substring(colon + 1).split("\\|")) {
                    if (!alias.isBlank() && !names.contains(alias.trim())) {
                        names.add(alias.trim());
                    }
                }
            }
            aliases.replaceAll((lang, names) -> List.copyOf(names));
            entries.add(new GazetteerEntry(columns[0].trim(), EntityType.valueOf(columns[1].trim()),
                    columns[2].trim(), aliases));
        }
        return entries;
    }

    public List<GazetteerEntry> entries() {
        return entries;
    }

    public Optional<GazetteerEntry> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The entity a surface form names, ignoring case, width, spaces, dots and a leading "the". */
    public Optional<GazetteerEntry> lookup(String surface) {
        return Optional.ofNullable(byKey.get(key(surface)));
    }

    static String key(String surface) {
        String s = Normalizer.normalize(surface, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (s.startsWith("the ")) {
            s = s.substring(4);
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(c -> !Character.isWhitespace(c) && c != '・' && c != '·' && c != '.' && c != '='
                && c != '-' && c != '‐' && c != '’' && c != '\'').forEach(out::appendCodePoint);
        return out.toString();
    }

    private void add(String alias, GazetteerEntry entry) {
        int[] cps = alias.codePoints().map(CharClass::fold).toArray();
        Node node = root;
        for (int c : cps) {
            if (node.next == null) {
                node.next = new HashMap<>(4);
            }
            node = node.next.computeIfAbsent(c, x -> new Node());
        }
        if (node.entry == null) {
            node.entry = entry;
            node.latin = Character.isLetterOrDigit(cps[0]) && cps[0] < 0x3000;
        }
    }

    /**
     * The names in a text, longest first, not overlapping. Names in Latin script match only as
     * whole words and with the case they are listed in, so "US" is not found in "us".
     */
    public List<Match> find(int[] cp) {
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < cp.length) {
            int bestEnd = -1;
            GazetteerEntry best = null;
            if (i == 0 || !isWordChar(cp[i - 1]) || !isWordChar(cp[i])) {
                Node node = root;
                for (int j = i; j < cp.length && node.next != null; j++) {
                    node = node.next.get(CharClass.fold(cp[j]));
                    if (node == null) {
                        break;
                    }
                    if (node.entry != null && (node.latin ? j + 1 == cp.length || !isWordChar(cp[j + 1])
                            || !isWordChar(cp[j]) : !splitsKatakana(cp, i, j + 1))) {
                        bestEnd = j + 1;
                        best = node.entry;
                    }
                }
            }
            if (best != null) {
                matches.add(new Match(i, bestEnd, best));
                i = bestEnd;
            } else {
                i++;
            }
        }
        return matches;
    }

    /** A katakana name inside a longer katakana word (アメリカ in アメリカン) is not that name. */
    private static boolean splitsKatakana(int[] cp, int start, int end) {
        boolean before = start > 0 && isKatakana(cp[start - 1]) && isKatakana(cp[start]);
        boolean after = end < cp.length && isKatakana(cp[end]) && isKatakana(cp[end - 1]);
        return before || after;
    }

    private static boolean isKatakana(int c) {
        return (c >= 'ァ' && c <= 'ヺ') || c == 'ー';
    }

    private static boolean isWordChar(int c) {
        c = CharClass.fold(c);
        return c < 0x3000 && Character.isLetterOrDigit(c);
    }
}
