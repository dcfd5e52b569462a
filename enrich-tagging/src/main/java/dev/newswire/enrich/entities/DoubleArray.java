package dev.newswire.enrich.entities;

import com.atilika.kuromoji.trie.DoubleArrayTrie;
import java.nio.CharBuffer;
import java.nio.IntBuffer;

/**
 * A kuromoji dictionary's double-array trie, walked a character at a time. {@code DoubleArrayTrie}
 * looks each string up from the root, so finding the words that start at a place (every prefix of
 * the text after it) walks the first characters again for each longer prefix; a {@link Walk} goes one
 * character further and answers for the characters so far what {@code DoubleArrayTrie.lookup} would.
 * Base and check of each index are held side by side, so a step reads one cache line, not two.
 */
final class DoubleArray {

    private static final int TAIL_OFFSET = 100_000_000;
    private static final char TERMINATING_CHARACTER = '\u0001';

    private final int[] baseCheck;
    private final CharBuffer tail;
    private final boolean compact;

    DoubleArray(DoubleArrayTrie trie) {
        IntBuffer base = field(trie, "baseBuffer", IntBuffer.class);
        IntBuffer check = field(trie, "checkBuffer", IntBuffer.class);
        this.baseCheck = new int[2 * base.limit()];
        for (int i = 0; i < base.limit(); i++) {
            baseCheck[2 * i] = base.get(i);
            baseCheck[2 * i + 1] = check.get(i);
        }
        this.tail = field(trie, "tailBuffer", CharBuffer.class);
        this.compact = field(trie, "compact", Boolean.class);
    }

    /** The trie's arrays, which it keeps private. */
    private static <T> T field(DoubleArrayTrie trie, String name, Class<T> type) {
        try {
            java.lang.reflect.Field f = DoubleArrayTrie.class.getDeclaredField(name);
            f.setAccessible(true);
            return type.cast(f.get(trie));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("kuromoji's DoubleArrayTrie has no field " + name, e);
        }
    }

    Walk walk() {
        return new Walk();
    }

    /** A walk from the root. */
    final class Walk {
        private int index;
        private int base = 1;
        /** Where in the tail the walk is, once it has left the double array; -1 before. */
        private int tailAt = -1;
        private boolean dead;

        /** One character further; false once no word starts with the characters so far. */
        boolean next(char c) {
            if (dead) {
                return false;
            }
            if (tailAt >= 0) {
                if (c != tail.get(tailAt)) {
                    dead = true;
                } else {
                    tailAt++;
                }
                return !dead;
            }
            int previous = index;
            index = compact ? base + c : index + base + c;
            if (2 * index >= baseCheck.length) {
                dead = true;
                return false;
            }
            base = baseCheck[2 * index];
            if (base == 0 || baseCheck[2 * index + 1] != previous) {
                dead = true;
                return false;
            }
            if (base >= TAIL_OFFSET) {
                tailAt = base - TAIL_OFFSET;
            }
            return true;
        }

        /** One code point further (a supplementary one is two characters). */
        boolean next(int codePoint) {
            if (Character.isBmpCodePoint(codePoint)) {
                return next((char) codePoint);
            }
            return next(Character.highSurrogate(codePoint)) && next(Character.lowSurrogate(codePoint));
        }

        /**
         * For the characters so far, as {@code DoubleArrayTrie.lookup}: the trie index of the word
         * they spell (its entries' key), 0 if they only begin longer words, -1 if they begin none.
         */
        int result() {
            if (dead) {
                return -1;
            }
            if (tailAt >= 0) {
                return tail.get(tailAt) == TERMINATING_CHARACTER ? index : 0;
            }
            int end = compact ? base + TERMINATING_CHARACTER : index + base + TERMINATING_CHARACTER;
            return baseCheck[2 * end + 1] == index ? index : 0;
        }
    }
}
