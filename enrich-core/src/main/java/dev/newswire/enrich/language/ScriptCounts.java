package dev.newswire.enrich.language;

/**
 * Letters of a text counted by script. The dominant script weighs a Han, kana or Hangul character as
 * two letters, since one such character carries about as much as a short Latin syllable pair; this
 * keeps a Japanese article with a few English names Japanese, and an English one citing a Chinese
 * name English.
 */
record ScriptCounts(int latin, int cyrillic, int hangul, int kana, int han) {

    enum Script { LATIN, CYRILLIC, HANGUL, KANA, HAN, NONE }

    static ScriptCounts of(String text) {
        int latin = 0;
        int cyrillic = 0;
        int hangul = 0;
        int kana = 0;
        int han = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case LATIN -> latin++;
                case CYRILLIC -> cyrillic++;
                case HANGUL -> hangul++;
                case HIRAGANA, KATAKANA -> kana++;
                case HAN -> han++;
                default -> {
                }
            }
        }
        return new ScriptCounts(latin, cyrillic, hangul, kana, han);
    }

    Script dominant() {
        int cj = 2 * (kana + han);
        int ko = 2 * hangul;
        int max = Math.max(Math.max(latin, cyrillic), Math.max(cj, ko));
        if (max == 0) {
            return Script.NONE;
        }
        if (cj == max) {
            // Any kana in a CJK text makes it Japanese: Chinese does not use kana.
            return kana > 0 ? Script.KANA : Script.HAN;
        }
        if (ko == max) {
            return Script.HANGUL;
        }
        return latin >= cyrillic ? Script.LATIN : Script.CYRILLIC;
    }
}
