package dev.newswire.enrich.entities;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.BaseFormAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Kuromoji's morphemes of a text, with offsets in code points. Kuromoji's tokenizer is not
 * thread-safe and cheap to reuse, so each thread keeps one.
 *
 * @param start        first code point of each token
 * @param end          end (exclusive) of each token
 * @param surface      the token as written
 * @param partOfSpeech IPADIC part of speech, e.g. {@code 名詞-固有名詞-人名-姓}
 * @param baseForm     dictionary form of inflected words, else the surface
 * @param unknown      whether kuromoji's dictionary lacks the word (it guessed it from the characters)
 */
public record JapaneseTokens(int[] start, int[] end, String[] surface, String[] partOfSpeech, String[] baseForm,
                             boolean[] unknown) {

    private static final ThreadLocal<JapaneseTokenizer> TOKENIZER = ThreadLocal.withInitial(
            () -> new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL));

    /** The title and body of the article in hand, tokenized once for all stages that ask. */
    private static final LastTexts<JapaneseTokens> LAST = new LastTexts<>(JapaneseTokens::tokenize);

    public int size() {
        return start.length;
    }

    public static JapaneseTokens of(String text) {
        return LAST.of(text);
    }

    private static JapaneseTokens tokenize(String text) {
        JapaneseTokenizer tokenizer = TOKENIZER.get();
        int n = 0;
        int[] starts = new int[64];
        int[] ends = new int[64];
        String[] surfaces = new String[64];
        String[] tags = new String[64];
        String[] bases = new String[64];
        boolean[] unknowns = new boolean[64];
        try {
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            CharTermAttribute term = tokenizer.getAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokenizer.getAttribute(OffsetAttribute.class);
            PartOfSpeechAttribute pos = tokenizer.getAttribute(PartOfSpeechAttribute.class);
            BaseFormAttribute base = tokenizer.getAttribute(BaseFormAttribute.class);
            ReadingAttribute reading = tokenizer.getAttribute(ReadingAttribute.class);
            // Offsets come in UTF-16 units; walk the text once to turn them into code points.
            int charIndex = 0;
            int codePoint = 0;
            while (tokenizer.incrementToken()) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                    ends = Arrays.copyOf(ends, n * 2);
                    surfaces = Arrays.copyOf(surfaces, n * 2);
                    tags = Arrays.copyOf(tags, n * 2);
                    bases = Arrays.copyOf(bases, n * 2);
                    unknowns = Arrays.copyOf(unknowns, n * 2);
                }
                int from = offset.startOffset();
                int to = offset.endOffset();
                if (from < charIndex) {
                    continue;
                }
                codePoint += Character.codePointCount(text, charIndex, from);
                starts[n] = codePoint;
                codePoint += Character.codePointCount(text, from, to);
                ends[n] = codePoint;
                charIndex = to;
                surfaces[n] = term.toString();
                String tag = pos.getPartOfSpeech();
                tags[n] = tag == null ? "未知語" : tag;
                String b = base.getBaseForm();
                bases[n] = b == null ? surfaces[n] : b;
                // Dictionary words carry a reading; words kuromoji made up from unknown characters do not.
                unknowns[n] = reading.getReading() == null;
                n++;
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                tokenizer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new JapaneseTokens(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), Arrays.copyOf(surfaces, n),
                Arrays.copyOf(tags, n), Arrays.copyOf(bases, n), Arrays.copyOf(unknowns, n));
    }
}
