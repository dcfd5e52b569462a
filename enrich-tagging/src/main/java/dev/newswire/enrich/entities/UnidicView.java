package dev.newswire.enrich.entities;

import com.atilika.kuromoji.dict.TokenInfoDictionary;
import com.atilika.kuromoji.unidic.Tokenizer;

/**
 * A second opinion on a Japanese text: UniDic's segmentation, whose dictionary knows many more
 * proper names than IPADIC (foreign places and people in katakana, Korean and Chinese names),
 * projected onto code points: per code point the hash of the UniDic part of speech of the word
 * that holds it and its place in that word.
 */
final class UnidicView {

    static final int BEGIN = 1;
    static final int INSIDE = 2;
    static final int END = 3;
    static final int SINGLE = 4;

    /** Loaded once (about 165 MB of heap, most of it UniDic's connection costs); thread-safe. */
    static final Unidic UNIDIC = new Unidic();

    final int[] pos;
    final int[] place;

    private UnidicView(int[] pos, int[] place) {
        this.pos = pos;
        this.place = place;
    }

    static UnidicView of(String text, int codePoints) {
        int[] pos = new int[codePoints];
        int[] place = new int[codePoints];
        UnidicSegmenter.Words words = UNIDIC.segmenter.segment(text);
        int charIndex = 0;
        int codePoint = 0;
        for (int w = 0; w < words.size(); w++) {
            int from = words.start()[w];
            int to = words.end()[w];
            if (from < charIndex || to > text.length()) {
                continue;
            }
            codePoint += Character.codePointCount(text, charIndex, from);
            int start = codePoint;
            codePoint += Character.codePointCount(text, from, to);
            int end = codePoint;
            charIndex = to;
            int h = words.tag()[w];
            for (int i = start; i < end && i < codePoints; i++) {
                pos[i] = h;
                place[i] = end - start == 1 ? SINGLE : i == start ? BEGIN : i == end - 1 ? END : INSIDE;
            }
        }
        return new UnidicView(pos, place);
    }

    /**
     * UniDic's tokenizer, built so that its trie and entries can be shared with
     * {@link NameLexicons} instead of being loaded a second time.
     */
    static final class Unidic extends Tokenizer.Builder {

        final Tokenizer tokenizer;
        final DoubleArray trie;
        final UnidicSegmenter segmenter;

        private Unidic() {
            // The builder finds the dictionary next to its own class, which is this one now.
            this.resolver = new com.atilika.kuromoji.util.SimpleResourceResolver(Tokenizer.class);
            this.tokenizer = build();
            this.trie = new DoubleArray(doubleArrayTrie);
            this.segmenter = new UnidicSegmenter(trie, tokenInfoDictionary, unknownDictionary,
                    characterDefinitions, connectionCosts);
        }

        TokenInfoDictionary dictionary() {
            return tokenInfoDictionary;
        }
    }
}
