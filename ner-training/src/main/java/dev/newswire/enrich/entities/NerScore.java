package dev.newswire.enrich.entities;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Micro-averaged precision, recall and F1 over exact (start, end, type) matches. */
public final class NerScore {

    private long truePositives;
    private long predicted;
    private long gold;

    public void add(List<Span> goldSpans, List<Span> predictedSpans) {
        Set<Span> expected = new HashSet<>(goldSpans);
        for (Span span : new HashSet<>(predictedSpans)) {
            if (expected.contains(span)) {
                truePositives++;
            }
        }
        predicted += new HashSet<>(predictedSpans).size();
        gold += expected.size();
    }

    /** Adds another score's counts (for totals over folds). */
    public void add(NerScore other) {
        truePositives += other.truePositives;
        predicted += other.predicted;
        gold += other.gold;
    }

    public double precision() {
        return predicted == 0 ? 0 : (double) truePositives / predicted;
    }

    public double recall() {
        return gold == 0 ? 0 : (double) truePositives / gold;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format("P=%.3f R=%.3f F1=%.3f (gold %d, predicted %d, correct %d)",
                precision(), recall(), f1(), gold, predicted, truePositives);
    }
}
