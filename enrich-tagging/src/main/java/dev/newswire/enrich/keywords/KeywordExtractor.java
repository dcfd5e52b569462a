package dev.newswire.enrich.keywords;

import dev.newswire.enrich.entities.EnglishTokens;
import dev.newswire.enrich.entities.JapaneseTokens;
import dev.newswire.model.Entity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Salient terms of an article. Japanese: runs of nouns from kuromoji (固有名詞, 一般, サ変接続;
 * 軍事 + 対話 make 軍事対話). Other languages: words between stop words, and phrases of them that
 * recur (RAKE's candidates). The article's entities are candidates as a whole. A term scores by
 * its frequency, double in the title, more for compounds; the strongest come first.
 */
public final class KeywordExtractor {

    private static final int LIMIT = 10;

    private static final Set<String> JAPANESE_STOP = Set.of("こと", "もの", "ため", "よう", "これ", "それ", "今回", "当時",
            "以降", "以上", "以下", "一環", "方法", "立場", "場合", "最近", "通常", "双方", "両国", "同日", "昨年", "今年", "先月",
            "今月", "事項", "状況", "範囲", "役割", "問題", "レベル", "ところ", "中", "後", "前", "間", "的", "等", "側");

    private static final Set<String> ENGLISH_STOP = Set.of("a", "an", "the", "and", "or", "but", "of", "to", "in", "on",
            "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
            "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "you", "i", "his", "her", "their",
            "our", "said", "says", "say", "will", "would", "could", "should", "may", "might", "can", "not", "no", "also",
            "than", "then", "there", "here", "which", "who", "whom", "what", "when", "where", "why", "how", "after",
            "before", "about", "into", "over", "under", "between", "during", "while", "more", "most", "some", "such",
            "other", "new", "one", "two", "last", "first", "year", "years", "mr", "ms", "mrs", "if", "so", "do", "did",
            "does", "up", "out", "all", "any", "each", "both", "very", "just", "only", "own", "same", "s", "'s", "per",
            "against", "through", "because", "until", "since", "without", "within", "along", "among", "according",
            "met", "meet", "told", "tell", "added", "expected", "agreed", "reported", "announced", "called", "made",
            "make", "took", "take", "went", "came", "gave", "get", "got", "next", "week", "month", "day", "today",
            "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "many", "much",
            "well", "still", "even", "like", "including", "however", "several", "three", "four", "five");

    public List<String> extract(String title, String body, String language) {
        return extract(title, body, language, List.of());
    }

    /**
     * With the article's entities: outside Japanese each is a keyword candidate as a whole (Kuala
     * Lumpur, not Kuala and Lumpur), as written most often, scored like a two-word phrase per mention.
     */
    public List<String> extract(String title, String body, String language, List<Entity> entities) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, Integer> occurrences = new java.util.HashMap<>();
        boolean japanese = "ja".equals(language);
        Set<String> lowercase = new java.util.HashSet<>();
        // Outside Japanese each text is cut into words once, for the lower-case words and the runs.
        EnglishTokens titleWords = japanese || title == null ? null : EnglishTokens.of(title);
        EnglishTokens bodyWords = japanese || body == null ? null : EnglishTokens.of(body);
        for (EnglishTokens words : new EnglishTokens[] {titleWords, bodyWords}) {
            if (words != null) {
                for (String w : words.text()) {
                    if (!w.isEmpty() && Character.isLowerCase(w.codePointAt(0))) {
                        lowercase.add(w);
                    }
                }
            }
        }
        if (title != null) {
            for (List<String> run : japanese ? japaneseRuns(title) : otherRuns(titleWords, lowercase)) {
                count(scores, occurrences, run, japanese, 2.0);
            }
        }
        if (body != null) {
            for (List<String> run : japanese ? japaneseRuns(body) : otherRuns(bodyWords, lowercase)) {
                count(scores, occurrences, run, japanese, 1.0);
            }
        }
        // Japanese noun runs hold the names whole already; elsewhere a name would fall apart in words.
        for (Entity entity : japanese ? List.<Entity>of() : entities) {
            Map<String, Integer> surfaces = new java.util.HashMap<>();
            entity.mentions().forEach(m -> surfaces.merge(m.text(), 1, Integer::sum));
            String surface = surfaces.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(e -> e.getKey().length()))
                    .map(Map.Entry::getKey).orElse(entity.name());
            if (surface.codePointCount(0, surface.length()) >= 2) {
                scores.merge(surface, 2.0 * entity.mentions().size(), Double::sum);
                occurrences.merge(surface, Math.max(2, entity.mentions().size()), Integer::sum);
            }
        }
        if (!japanese) {
            // Without parts of speech a run of words may hold a verb: a phrase counts only if it recurs.
            scores.entrySet().removeIf(e -> e.getKey().contains(" ") && occurrences.getOrDefault(e.getKey(), 0) < 2);
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> keywords = new ArrayList<>();
        for (Map.Entry<String, Double> entry : ranked) {
            if (keywords.size() == LIMIT) {
                break;
            }
            String term = entry.getKey();
            // A part of a stronger keyword (軍事 of 軍事対話) adds nothing.
            if (keywords.stream().noneMatch(k -> k.contains(term) || term.contains(k))) {
                keywords.add(term);
            }
        }
        return keywords;
    }

    /**
     * Every stretch of one to four words of a run is a candidate; longer ones weigh more, so a
     * compound that recurs beats its parts.
     */
    private static void count(Map<String, Double> scores, Map<String, Integer> occurrences, List<String> run,
                              boolean japanese, double weight) {
        for (int n = 1; n <= Math.min(4, run.size()); n++) {
            for (int i = 0; i + n <= run.size(); i++) {
                String term = n == 1 ? run.get(i) : String.join(japanese ? "" : " ", run.subList(i, i + n));
                if (japanese && (term.codePointCount(0, term.length()) < 2 || JAPANESE_STOP.contains(term)
                        || term.chars().allMatch(c -> Character.isDigit(c) || c == '.'))) {
                    continue;
                }
                scores.merge(term, weight * n, Double::sum);
                if (!japanese) {
                    // Only phrases outside Japanese are kept or dropped by how often they occur.
                    occurrences.merge(term, 1, Integer::sum);
                }
            }
        }
    }

    private static List<List<String>> japaneseRuns(String text) {
        JapaneseTokens tokens = JapaneseTokens.of(text);
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            boolean noun = isContentNoun(tokens.partOfSpeech()[t]);
            boolean adjacent = t > 0 && tokens.start()[t] == tokens.end()[t - 1];
            if (!noun || !adjacent) {
                if (!run.isEmpty()) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
            }
            if (noun) {
                run.add(tokens.surface()[t]);
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    private static boolean isContentNoun(String pos) {
        return pos.startsWith("名詞") && !pos.contains("非自立") && !pos.contains("代名詞") && !pos.contains("数")
                && !pos.contains("副詞可能") && !pos.contains("接尾-助数詞") && !pos.contains("特殊");
    }

    private static List<List<String>> otherRuns(EnglishTokens tokens, Set<String> lowercase) {
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String word : tokens.text()) {
            boolean content = word.codePoints().anyMatch(Character::isLetter)
                    && !ENGLISH_STOP.contains(word.toLowerCase(Locale.ROOT)) && word.length() > 1;
            if (content) {
                run.add(normal(word, lowercase));
            } else if (!run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /** Names keep their case (Beijing, NATO); a word the text also writes in lower case is lower-cased. */
    private static String normal(String word, Set<String> lowercase) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Character.isUpperCase(word.codePointAt(0)) && !lowercase.contains(lower) ? word : lower;
    }
}
