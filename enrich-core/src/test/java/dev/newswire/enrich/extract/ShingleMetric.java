package dev.newswire.enrich.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Token-4-gram shingle matching as ../shared/eval/README.md defines it (the scheme of the
 * article-extraction-benchmark): tokens are Unicode {@code \w+} runs, case-insensitive; shingles are
 * counted as a multiset; a page's true positives, false positives and false negatives are normalised
 * to sum to 1, so that long pages weigh no more than short ones.
 */
final class ShingleMetric {

    /** Python's {@code \w} with re.UNICODE: letters, digits (all numeric), underscore. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final int N = 4;

    /** Normalised true positives, false positives, false negatives of one page. */
    record Counts(double tp, double fp, double fn) {

        double precision() {
            return tp + fp == 0 ? (fn == 0 ? 1 : 0) : tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? (fp == 0 ? 1 : 0) : tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private ShingleMetric() {
    }

    static Counts match(String expected, String predicted) {
        Map<String, Integer> truth = shingles(expected);
        Map<String, Integer> pred = shingles(predicted);
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (Map.Entry<String, Integer> e : truth.entrySet()) {
            int p = pred.getOrDefault(e.getKey(), 0);
            tp += Math.min(e.getValue(), p);
            fn += Math.max(0, e.getValue() - p);
        }
        for (Map.Entry<String, Integer> e : pred.entrySet()) {
            fp += Math.max(0, e.getValue() - truth.getOrDefault(e.getKey(), 0));
        }
        double sum = tp + fp + fn;
        return sum == 0 ? new Counts(0, 0, 0) : new Counts(tp / sum, fp / sum, fn / sum);
    }

    static Map<String, Integer> shingles(String text) {
        java.util.List<String> tokens = new java.util.ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group().toLowerCase(Locale.ROOT));
        }
        Map<String, Integer> shingles = new HashMap<>();
        // As in the benchmark, a text shorter than n tokens is one shingle of all its tokens.
        if (tokens.size() < N) {
            if (!tokens.isEmpty()) {
                shingles.put(String.join(" ", tokens), 1);
            }
            return shingles;
        }
        for (int i = 0; i + N <= tokens.size(); i++) {
            shingles.merge(String.join(" ", tokens.subList(i, i + N)), 1, Integer::sum);
        }
        return shingles;
    }
}
