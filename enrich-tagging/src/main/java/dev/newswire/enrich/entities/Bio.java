package dev.newswire.enrich.entities;

import dev.newswire.model.EntityType;
import java.util.ArrayList;
import java.util.List;

/**
 * The BIO label scheme: label 0 is outside, then B and I for each tagged type. Types 0–2 are the
 * {@link EntityType}s; the models also learn the other name types of their training data
 * (facilities, products, events, MISC) so that those are not forced into "outside", and drop
 * them on output. Decoding forbids an I that does not continue a B or I of the same type.
 */
final class Bio {

    static final int OUTSIDE = 0;
    static final int TYPES = 6;
    static final int LABELS = 1 + 2 * TYPES;

    /** A tagged stretch of positions with a type index (0–2 are {@link EntityType} ordinals). */
    record Tagged(int start, int end, int type) {
    }

    private Bio() {
    }

    static int begin(int type) {
        return 1 + 2 * type;
    }

    static int inside(int type) {
        return 2 + 2 * type;
    }

    static boolean isInside(int label) {
        return label != OUTSIDE && label % 2 == 0;
    }

    static int type(int label) {
        return (label - 1) / 2;
    }

    /** Whether {@code label} may follow {@code previous} (-1 = start of the sequence). */
    static boolean allowed(int previous, int label) {
        if (!isInside(label)) {
            return true;
        }
        return previous > 0 && type(previous) == type(label);
    }

    static int[] encode(int n, List<Tagged> spans) {
        int[] labels = new int[n];
        for (Tagged span : spans) {
            if (span.start() < 0 || span.end() > n || span.start() >= span.end()) {
                continue;
            }
            labels[span.start()] = begin(span.type());
            for (int i = span.start() + 1; i < span.end(); i++) {
                labels[i] = inside(span.type());
            }
        }
        return labels;
    }

    static List<Tagged> decodeAll(int[] labels) {
        List<Tagged> spans = new ArrayList<>();
        int start = -1;
        int type = -1;
        for (int i = 0; i <= labels.length; i++) {
            int label = i < labels.length ? labels[i] : OUTSIDE;
            boolean continues = type >= 0 && isInside(label) && type(label) == type;
            if (!continues && type >= 0) {
                spans.add(new Tagged(start, i, type));
                type = -1;
            }
            if (label != OUTSIDE && !continues) {
                start = i;
                type = type(label);
            }
        }
        return spans;
    }

    /** The spans of the {@link EntityType}s. */
    static List<Span> decode(int[] labels) {
        List<Span> spans = new ArrayList<>();
        for (Tagged t : decodeAll(labels)) {
            if (t.type() < EntityType.values().length) {
                spans.add(new Span(t.start(), t.end(), EntityType.values()[t.type()]));
            }
        }
        return spans;
    }
}
