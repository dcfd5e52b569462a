package dev.newswire.enrich.extract;

import dev.newswire.enrich.EnrichmentLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the runs of characters without white space longer than {@link EnrichmentLimits#MAX_WORD_CHARS}
 * from a body: no language has such words, and a page of one (a 1 MB "word", a data URI pasted into
 * the text) would otherwise be the article. Runs in the scripts written without spaces (Chinese,
 * Japanese, Thai, Lao, Khmer, Myanmar, Tibetan) are text and stay. One pass, linear in the body.
 */
final class LongWords {

    private LongWords() {
    }

    /** The body without its overlong runs, paragraphs left empty by them dropped; the same string if it has none. */
    static String drop(String body) {
        int n = body.length();
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (Character.isWhitespace(body.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean spaceless = false;
            while (i < n && !Character.isWhitespace(body.charAt(i))) {
                int cp = body.codePointAt(i);
                spaceless = spaceless || writtenWithoutSpaces(cp);
                i += Character.charCount(cp);
            }
            if (i - start > EnrichmentLimits.MAX_WORD_CHARS && !spaceless) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(body, copied, start);
                copied = i;
            }
        }
        if (out == null) {
            return body;
        }
        out.append(body, copied, n);
        List<String> paragraphs = new ArrayList<>();
        for (String p : out.toString().split("\n\n")) {
            String kept = p.strip().replaceAll(" {2,}", " ");
            if (!kept.isEmpty()) {
                paragraphs.add(kept);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    private static boolean writtenWithoutSpaces(int cp) {
        if (cp < 0x0E00) {
            return false;
        }
        return switch (Character.UnicodeScript.of(cp)) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN -> true;
            default -> false;
        };
    }
}
