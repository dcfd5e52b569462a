package dev.newswire.enrich.entities;

/** Coarse character classes, the strongest cue for where a Japanese name starts and ends. */
final class CharClass {

    static final int KANJI = 1;
    static final int HIRAGANA = 2;
    static final int KATAKANA = 3;
    static final int UPPER = 4;
    static final int LOWER = 5;
    static final int DIGIT = 6;
    static final int DOT = 7;
    static final int SPACE = 8;
    static final int OPEN = 9;
    static final int CLOSE = 10;
    static final int SYMBOL = 11;
    static final int HANGUL = 12;

    private CharClass() {
    }

    /** Full-width ASCII folded to ASCII, so Ａ and A share features. */
    static int fold(int c) {
        if (c >= 0xFF01 && c <= 0xFF5E) {
            return c - 0xFEE0;
        }
        if (c == 0x3000) {
            return ' ';
        }
        return c;
    }

    static int of(int c) {
        c = fold(c);
        if (c == '・' || c == '･' || c == '·' || c == '•' || c == '‧' || c == '=' || c == '＝') {
            return DOT;
        }
        if (c == 'ー' || (c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F)) {
            return KATAKANA;
        }
        if (c >= 0x3040 && c <= 0x309F) {
            return HIRAGANA;
        }
        if (Character.isIdeographic(c) || c == '々' || c == '〆' || c == 'ヶ') {
            return KANJI;
        }
        if (c >= 0xAC00 && c <= 0xD7AF) {
            return HANGUL;
        }
        if (Character.isDigit(c)) {
            return DIGIT;
        }
        if (Character.isUpperCase(c)) {
            return UPPER;
        }
        if (Character.isLetter(c)) {
            return LOWER;
        }
        if (Character.isWhitespace(c)) {
            return SPACE;
        }
        int type = Character.getType(c);
        if (type == Character.START_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION) {
            return OPEN;
        }
        if (type == Character.END_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION) {
            return CLOSE;
        }
        return SYMBOL;
    }
}
