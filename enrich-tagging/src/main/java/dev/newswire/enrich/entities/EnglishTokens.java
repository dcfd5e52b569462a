package dev.newswire.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words and punctuation of an English text, split the way the CoNLL data is: "Hegseth's" is
 * {@code Hegseth 's}, "U.S." and "Inc." keep their period, "O'Brien" and "AT&T" stay whole.
 *
 * @param text  each token as written
 * @param start its first code point
 * @param end   after its last code point
 */
public record EnglishTokens(String[] text, int[] start, int[] end) {

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "corp",
            "ltd", "co", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "rev", "prof", "gov", "sen", "rep", "vs",
            "etc", "mt", "ft", "no", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "est",
            "approx", "dept", "univ", "assn", "bros", "pres", "maj", "pvt", "fr", "messrs");

    /** The title and body of the article in hand, cut once for the tagger and the keywords. */
    private static final LastTexts<EnglishTokens> LAST = new LastTexts<>(EnglishTokens::cut);

    public int size() {
        return text.length;
    }

    public static EnglishTokens of(String s) {
        return LAST.of(s);
    }

    private static EnglishTokens cut(String s) {
        int[] cp = s.codePoints().toArray();
        List<int[]> bounds = new ArrayList<>();
        int i = 0;
        while (i < cp.length) {
            int c = cp[i];
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isLetterOrDigit(c)) {
                i = word(cp, i);
            } else if ((c == '\'' || c == '’') && i + 1 < cp.length && (cp[i + 1] == 's' || cp[i + 1] == 'S')
                    && (i + 2 == cp.length || !Character.isLetterOrDigit(cp[i + 2]))) {
                i += 2;
            } else {
                i++;
            }
            bounds.add(new int[] {start, i});
        }
        String[] texts = new String[bounds.size()];
        int[] starts = new int[bounds.size()];
        int[] ends = new int[bounds.size()];
        for (int t = 0; t < texts.length; t++) {
            starts[t] = bounds.get(t)[0];
            ends[t] = bounds.get(t)[1];
            texts[t] = new String(cp, starts[t], ends[t] - starts[t]);
        }
        return new EnglishTokens(texts, starts, ends);
    }

    private static int word(int[] cp, int i) {
        int start = i;
        i++;
        while (i < cp.length) {
            int c = cp[i];
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                i++;
            } else if ((c == '-' || c == '&' || c == '.' || c == '\'' || c == '’' || c == ',' || c == '/')
                    && i + 1 < cp.length && Character.isLetterOrDigit(cp[i + 1])) {
                if ((c == '\'' || c == '’') && (cp[i + 1] == 's' || cp[i + 1] == 'S')
                        && (i + 2 == cp.length || !Character.isLetterOrDigit(cp[i + 2]))) {
                    break;
                }
                if (c == ',' && !(Character.isDigit(cp[i - 1]) && Character.isDigit(cp[i + 1]))) {
                    break;
                }
                i += 2;
            } else {
                break;
            }
        }
        if (i < cp.length && cp[i] == '.') {
            String word = new String(cp, start, i - start);
            if (isInitials(word) || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT))) {
                i++;
            }
        }
        return i;
    }

    /** "U.S", "D.C", "J": single letters joined by periods, which take the final period too. */
    private static boolean isInitials(String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            boolean letterPlace = k % 2 == 0;
            if (letterPlace ? !Character.isLetter(c) : c != '.') {
                return false;
            }
        }
        return Character.isUpperCase(word.charAt(0));
    }
}
