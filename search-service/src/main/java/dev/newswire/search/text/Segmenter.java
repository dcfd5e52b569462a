package dev.newswire.search.text;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Word segmentation of Japanese and Chinese text, done here in Java because the Elasticsearch this
 * project runs on has no analysis plugins (no kuromoji, no smartcn, not even {@code cjk}).
 *
 * <p>The segmented form is the NFKC-normalised text with one space between words; it is indexed into
 * fields analysed by Elasticsearch's built-in {@code whitespace} analyzer, and queries are segmented by
 * the same code and sent as phrases. So {@code 軍事対話} becomes the phrase {@code 軍事 対話}, which a
 * document that only has {@code 軍} and {@code 対話} apart does not contain: matching is at word level,
 * not at the character level of the standard analyzer.
 *
 * <p>The index side keeps punctuation tokens so that a highlighted fragment of a segmented field can be
 * turned back into readable text ({@link #unsegment}); the query side drops them.
 */
@Singleton
public final class Segmenter {

    /** Kuromoji in search mode: long compounds are split into their words, the same way at index and query time. */
    private final Analyzer japanese = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new JapaneseTokenizer(null, false, true, JapaneseTokenizer.Mode.SEARCH);
            return new TokenStreamComponents(tokenizer);
        }
    };

    /** SmartCN's HMM word segmenter. */
    private final Analyzer chinese = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new HMMChineseTokenizer());
        }
    };

    /** Whether documents in {@code language} (ISO 639-1) get segmented fields. */
    public static boolean segments(String language) {
        return "ja".equals(language) || "zh".equals(language);
    }

    /** NFKC: full-width Latin and digits to ASCII, half-width katakana to full width, compatibility forms unfolded. */
    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** Whether the text has Han, Hiragana or Katakana characters, which the standard analyzer cannot split into words. */
    public static boolean hasCjk(String text) {
        return text.codePoints().anyMatch(Segmenter::isCjk);
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    private static boolean hasKana(String text) {
        return text.codePoints().anyMatch(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
        });
    }

    /**
     * The segmented form of a text for indexing: words (and punctuation) separated by single spaces.
     * Japanese and Chinese are segmented by their own tokenizer; any other language by the Japanese one,
     * which also splits Latin text at spaces and punctuation (used for names in mixed lists).
     */
    public String segment(String text, String language) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return String.join(" ", tokens(normalize(text), "zh".equals(language) ? chinese : japanese, true));
    }

    /**
     * The phrases a query chunk (one whitespace-separated part of the user's query) is searched as in the
     * segmented fields: its Japanese segmentation, and for text without kana also its Chinese one, since
     * Han-only text may be either language. Punctuation is dropped; the phrases are matched with a slop of
     * one so that a punctuation token in the document (ピート・ヘグセス) does not break them.
     */
    public List<String> queryPhrases(String chunk) {
        String normalized = normalize(chunk);
        Set<String> phrases = new LinkedHashSet<>();
        addPhrase(phrases, tokens(normalized, japanese, false));
        if (!hasKana(normalized)) {
            addPhrase(phrases, tokens(normalized, chinese, false));
        }
        return List.copyOf(phrases);
    }

    private static void addPhrase(Set<String> phrases, List<String> tokens) {
        if (!tokens.isEmpty()) {
            phrases.add(String.join(" ", tokens));
        }
    }

    /**
     * Undoes the segmentation spaces of a (highlighted) fragment of a segmented field: a space stays only
     * between two Latin letters or digits, where the original text had one. HTML tags and entities of the
     * highlighter are skipped over when looking at the neighbours of a space.
     */
    public static String unsegment(String fragment) {
        StringBuilder out = new StringBuilder(fragment.length());
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == ' ' && !(isWordChar(previousTextChar(fragment, i)) && isWordChar(nextTextChar(fragment, i)))) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static int previousTextChar(String s, int index) {
        int i = index - 1;
        while (i >= 0) {
            char c = s.charAt(i);
            if (c == '>') {
                int open = s.lastIndexOf('<', i);
                if (open < 0) {
                    return c;
                }
                i = open - 1;
            } else {
                return c;
            }
        }
        return -1;
    }

    private static int nextTextChar(String s, int index) {
        int i = index + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '<') {
                int close = s.indexOf('>', i);
                if (close < 0) {
                    return c;
                }
                i = close + 1;
            } else {
                return c;
            }
        }
        return -1;
    }

    private static boolean isWordChar(int c) {
        return c >= 0 && c < 0x3000 && Character.isLetterOrDigit(c) && !isCjk(c);
    }

    private static List<String> tokens(String text, Analyzer analyzer, boolean keepPunctuation) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String token = term.toString().strip();
                if (token.isEmpty() || (!keepPunctuation && isPunctuation(token))) {
                    continue;
                }
                tokens.add(token);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("segmenting an in-memory string cannot fail", e);
        }
        return tokens;
    }

    private static boolean isPunctuation(String token) {
        return token.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    /** Lower-case form for keyword comparisons. */
    public static String fold(String text) {
        return normalize(text).toLowerCase(Locale.ROOT);
    }
}
