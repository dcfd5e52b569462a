package dev.newswire.enrich.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Identifies the language of a text among the twelve Newswire reads: ja, zh, ko, en, de, fr, es, it,
 * pt, nl, ru, id.
 *
 * <p>The script decides first, because it is certain and free: kana means Japanese, Hangul Korean,
 * Cyrillic Russian. Only the two ambiguous cases go to a statistical model, Lingua's n-gram models
 * (1- to 5-grams, high-accuracy mode) restricted to the languages that share the script: Han without
 * kana (Chinese, or a Japanese all-kanji title) and Latin (the eight Latin-script languages). Models
 * load lazily per language, so the Korean and Russian models are never loaded; the eight Latin plus
 * two Han models take about 200 MB of heap, against about 12 MB in low-accuracy mode, which misses
 * one word pair in eight (measured in {@code LanguageIdentificationQualityTest}).
 *
 * <p>Long texts are sampled: the first {@value #SAMPLE_CHARS} characters decide, which costs far
 * less than the whole text and is as accurate for a paragraph or more. Thread-safe.
 */
public final class LanguageIdentifier {

    /** The languages identified, as ISO 639-1 codes. */
    public static final List<String> LANGUAGES = List.of("ja", "zh", "ko", "en", "de", "fr", "es", "it", "pt", "nl",
            "ru", "id");

    static final int SAMPLE_CHARS = 300;

    /** From this length on, trigrams alone are as accurate as 1- to 5-grams, and several times cheaper. */
    static final int LONG_TEXT_CHARS = 120;

    private final LanguageDetector latin;
    private final LanguageDetector latinLong;
    private final LanguageDetector han;

    private LanguageIdentifier(boolean preload) {
        LanguageDetectorBuilder latinBuilder = LanguageDetectorBuilder.fromLanguages(Language.ENGLISH,
                Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.ITALIAN, Language.PORTUGUESE,
                Language.DUTCH, Language.INDONESIAN);
        LanguageDetectorBuilder latinLongBuilder = LanguageDetectorBuilder.fromLanguages(Language.ENGLISH,
                Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.ITALIAN, Language.PORTUGUESE,
                Language.DUTCH, Language.INDONESIAN).withLowAccuracyMode();
        LanguageDetectorBuilder hanBuilder = LanguageDetectorBuilder.fromLanguages(Language.CHINESE,
                Language.JAPANESE);
        if (preload) {
            latinBuilder = latinBuilder.withPreloadedLanguageModels();
            hanBuilder = hanBuilder.withPreloadedLanguageModels();
        }
        this.latin = latinBuilder.build();
        this.latinLong = latinLongBuilder.build();
        this.han = hanBuilder.build();
    }

    /** An identifier that loads each model on first use. */
    public static LanguageIdentifier create() {
        return new LanguageIdentifier(false);
    }

    /** An identifier with all its models loaded now, for a service that should not pause on its first texts. */
    public static LanguageIdentifier preloaded() {
        return new LanguageIdentifier(true);
    }

    /**
     * The ISO 639-1 code of the text's language, or null where the text has no letters to judge by
     * (or the model cannot separate the candidates).
     */
    public String identify(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String sample = sample(text);
        ScriptCounts counts = ScriptCounts.of(sample);
        switch (counts.dominant()) {
            case KANA:
                return "ja";
            case HANGUL:
                return "ko";
            case CYRILLIC:
                return "ru";
            case HAN:
                // Japanese prose always has kana; a Han-only text is Chinese or a Japanese kanji title.
                return mostLikely(han, sample, "zh");
            case LATIN:
                return mostLikely(sample.length() >= LONG_TEXT_CHARS ? latinLong : latin, sample, null);
            default:
                return null;
        }
    }

    private static String sample(String text) {
        if (text.length() <= SAMPLE_CHARS) {
            return text;
        }
        int end = SAMPLE_CHARS;
        // Cut at a word boundary, so the last word is not a fragment.
        while (end < text.length() && end < SAMPLE_CHARS + 40 && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    /**
     * The detector's answer; where it declines (two languages tie, as on a word both share), the
     * first of its confidence ranking, so a caller always gets a language for a text with letters.
     */
    private static String mostLikely(LanguageDetector detector, String text, String fallback) {
        Language language = detector.detectLanguageOf(text);
        if (language == Language.UNKNOWN) {
            Map<Language, Double> ranking = detector.computeLanguageConfidenceValues(text);
            language = ranking.isEmpty() ? Language.UNKNOWN : ranking.keySet().iterator().next();
        }
        if (language == Language.UNKNOWN) {
            return fallback;
        }
        return language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }
}
