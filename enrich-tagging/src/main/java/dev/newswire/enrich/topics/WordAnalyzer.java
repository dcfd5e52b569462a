package dev.newswire.enrich.topics;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;

/**
 * One analyzer for every language of the topic queries and the articles: kuromoji cuts Japanese
 * into words (so 軍事対話 is the phrase 軍事 対話, never 軍 and 対話 apart) and Latin text at spaces
 * and punctuation; then width folding, lower case, base forms, and English plurals to singular.
 */
final class WordAnalyzer extends Analyzer {

    /** Longest word kept: StandardTokenizer's default maximum token length. */
    static final int MAX_WORD_CHARS = 255;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        JapaneseTokenizer tokenizer = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL);
        return new TokenStreamComponents(tokenizer, normalized(new JapaneseBaseFormFilter(tokenizer)));
    }

    /** The filters after the words are cut: shared with the pre-cut articles of {@link WordStreams}. */
    static TokenStream normalized(TokenStream words) {
        // A word longer than Lucene's own tokenizers allow is no word; the index refuses terms of 32 KB.
        TokenStream stream = new LengthFilter(words, 1, MAX_WORD_CHARS);
        stream = new CJKWidthFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new JapaneseKatakanaStemFilter(stream);
        stream = new EnglishPossessiveFilter(stream);
        return new EnglishMinimalStemFilter(stream);
    }
}
