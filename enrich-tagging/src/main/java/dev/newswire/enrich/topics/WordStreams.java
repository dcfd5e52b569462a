package dev.newswire.enrich.topics;

import dev.newswire.enrich.entities.JapaneseTokens;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * An article's words as a token stream without a second kuromoji pass: Japanese text replays the
 * morphemes the entity stage already cut (their base forms, punctuation dropped, as
 * {@link WordAnalyzer} does); text without CJK characters is cut into runs of letters and of
 * digits, which is what kuromoji makes of Latin text. Both then go through the analyzer's filters,
 * so the terms equal those of the queries.
 */
final class WordStreams {

    private WordStreams() {
    }

    /** {@code null} when the text needs the full analyzer (Chinese, Korean, mixed scripts). */
    static TokenStream of(String text, String language) {
        if ("ja".equals(language)) {
            JapaneseTokens tokens = JapaneseTokens.of(text);
            List<String> words = new ArrayList<>(tokens.size());
            for (int t = 0; t < tokens.size(); t++) {
                if (tokens.surface()[t].codePoints().anyMatch(Character::isLetterOrDigit)) {
                    words.add(tokens.baseForm()[t]);
                }
            }
            return WordAnalyzer.normalized(new Replay(words));
        }
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = fold(text.charAt(i));
            if (c >= 0x2E80 && Character.isLetterOrDigit(c)) {
                return null;
            }
            if (Character.isLetter(c) || Character.isDigit(c)) {
                boolean letter = Character.isLetter(c);
                StringBuilder word = new StringBuilder();
                while (i < n) {
                    char d = fold(text.charAt(i));
                    if (d >= 0x2E80 && Character.isLetterOrDigit(d)) {
                        return null;
                    }
                    if (letter ? !(Character.isLetter(d) || Character.getType(d) == Character.NON_SPACING_MARK)
                            : !Character.isDigit(d)) {
                        break;
                    }
                    word.append(d);
                    i++;
                }
                words.add(word.toString());
            } else {
                i++;
            }
        }
        return WordAnalyzer.normalized(new Replay(words));
    }

    private static char fold(char c) {
        return c >= 0xFF01 && c <= 0xFF5E ? (char) (c - 0xFEE0) : c;
    }

    /** Replays a list of words as a token stream. */
    private static final class Replay extends TokenStream {
        private final List<String> words;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private int next;

        Replay(List<String> words) {
            this.words = words;
        }

        @Override
        public boolean incrementToken() {
            if (next == words.size()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(words.get(next));
            offset.setOffset(next, next + 1);
            next++;
            return true;
        }

        @Override
        public void reset() {
            next = 0;
        }
    }
}
