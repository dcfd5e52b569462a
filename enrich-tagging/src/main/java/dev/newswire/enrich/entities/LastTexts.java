package dev.newswire.enrich.entities;

import java.util.function.Function;

/**
 * What was worked out of the last few texts on this thread, by identity of the text: the stages of
 * one article (tagger, keywords) ask for the title and body again, so each is worked out once.
 * Values are shared between callers, so none may change them.
 *
 * @param <T> what is worked out of a text
 */
final class LastTexts<T> {

    private static final int KEPT = 4;

    private final Function<String, T> work;
    /** Per thread: text, value, text, value, ..., the newest first. */
    private final ThreadLocal<Object[]> last = ThreadLocal.withInitial(() -> new Object[2 * KEPT]);

    LastTexts(Function<String, T> work) {
        this.work = work;
    }

    @SuppressWarnings("unchecked")
    T of(String text) {
        Object[] kept = last.get();
        for (int i = 0; i < KEPT; i++) {
            if (kept[2 * i] == text) {
                return (T) kept[2 * i + 1];
            }
        }
        T value = work.apply(text);
        System.arraycopy(kept, 0, kept, 2, 2 * KEPT - 2);
        kept[0] = text;
        kept[1] = value;
        return value;
    }
}
