package dev.newswire.enrich.entities;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.ja.dict.TokenInfoDictionary;
import org.apache.lucene.analysis.ja.dict.TokenInfoFST;
import org.apache.lucene.util.IntsRef;
import org.apache.lucene.util.fst.FST;

/**
 * Every proper noun of kuromoji's dictionary (IPADIC) that occurs in a text, not only those on
 * kuromoji's best path: a surname, a given name, a place or an organisation the best path split
 * or joined still tells the tagger something. Per code point, a bit set of
 * (category × position in the word).
 */
final class DictionaryLattice {

    private static final int MAX_WORD = 12;
    static final int PERSON_SURNAME = 0;
    static final int PERSON_GIVEN = 1;
    static final int PERSON = 2;
    static final int PLACE_COUNTRY = 3;
    static final int PLACE = 4;
    static final int ORGANIZATION = 5;
    static final int PROPER = 6;
    static final int CATEGORIES = 7;

    private static final TokenInfoDictionary DICTIONARY = TokenInfoDictionary.getInstance();

    private DictionaryLattice() {
    }

    /** Bits {@code category * 4 + place} (place 0 begin, 1 inside, 2 end, 3 single) per code point. */
    static long[] of(String text) {
        char[] chars = text.toCharArray();
        int[] codePointAt = new int[chars.length + 1];
        int cp = 0;
        for (int i = 0; i < chars.length; i++) {
            codePointAt[i] = cp;
            if (!Character.isHighSurrogate(chars[i])) {
                cp++;
            }
        }
        codePointAt[chars.length] = cp;
        long[] bits = new long[cp];
        TokenInfoFST fst = DICTIONARY.getFST();
        FST.BytesReader reader = fst.getBytesReader();
        FST.Arc<Long> arc = new FST.Arc<>();
        IntsRef wordIds = new IntsRef();
        try {
            for (int start = 0; start < chars.length; start++) {
                fst.getFirstArc(arc);
                long output = 0;
                for (int end = start; end < chars.length && end - start < MAX_WORD; end++) {
                    if (fst.findTargetArc(chars[end], arc, arc, end == start, reader) == null) {
                        break;
                    }
                    output += arc.output();
                    if (!arc.isFinal()) {
                        continue;
                    }
                    DICTIONARY.lookupWordIds((int) (output + arc.nextFinalOutput()), wordIds);
                    int categories = 0;
                    for (int k = 0; k < wordIds.length; k++) {
                        int category = category(wordIds.ints[wordIds.offset + k]);
                        if (category >= 0) {
                            categories |= 1 << category;
                        }
                    }
                    if (categories != 0) {
                        mark(bits, codePointAt[start], codePointAt[end + 1], categories);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bits;
    }

    private static void mark(long[] bits, int from, int to, int categories) {
        for (int c = 0; c < CATEGORIES; c++) {
            if ((categories & (1 << c)) == 0) {
                continue;
            }
            for (int i = from; i < to; i++) {
                int place = to - from == 1 ? 3 : i == from ? 0 : i == to - 1 ? 2 : 1;
                bits[i] |= 1L << (c * 4 + place);
            }
        }
    }

    private static int category(int wordId) {
        return categoryOf(DICTIONARY.getPartOfSpeech(wordId));
    }

    static int categoryOf(String pos) {
        if (pos == null || !pos.contains("固有名詞")) {
            return -1;
        }
        if (pos.contains("人名")) {
            return pos.contains("姓") ? PERSON_SURNAME : pos.endsWith("名") ? PERSON_GIVEN : PERSON;
        }
        if (pos.contains("地域")) {
            return pos.contains("国") ? PLACE_COUNTRY : PLACE;
        }
        if (pos.contains("組織")) {
            return ORGANIZATION;
        }
        return PROPER;
    }
}
