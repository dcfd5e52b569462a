package dev.newswire.enrich.dedup;

import java.util.Locale;

/**
 * 64-bit SimHash (Charikar) of a text's shingles: near-identical texts get hashes a few bits
 * apart. Shingles are 3-grams of characters for Japanese, Chinese and Korean (no spaces between
 * words) and 3-grams of lower-cased words elsewhere; whitespace and punctuation are ignored, so a
 * re-wrapped or re-punctuated copy hashes the same.
 */
public final class SimHash {

    private SimHash() {
    }

    public static long of(String text, String language) {
        if (text == null || text.isBlank()) {
            return 0L;
        }
        Counts counts = new Counts();
        boolean cjk = "ja".equals(language) || "zh".equals(language) || "ko".equals(language);
        if (cjk) {
            int[] cp = text.codePoints().filter(Character::isLetterOrDigit).toArray();
            for (int i = 0; i + 3 <= Math.max(cp.length, 3) && i < cp.length; i++) {
                long h = 0xCBF29CE484222325L;
                for (int k = i; k < Math.min(i + 3, cp.length); k++) {
                    h = (h ^ cp[k]) * 0x100000001B3L;
                }
                counts.add(mix(h));
            }
        } else {
            String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
            long a = 0;
            long b = 0;
            int seen = 0;
            for (String word : words) {
                if (word.isEmpty()) {
                    continue;
                }
                long w = word.hashCode() * 0x9E3779B97F4A7C15L;
                if (++seen >= 3) {
                    counts.add(mix(a * 31 * 31 + b * 31 + w));
                }
                a = b;
                b = w;
            }
            if (seen < 3) {
                counts.add(mix(a * 31 + b));
            }
        }
        return counts.majority();
    }

    public static String hex(long hash) {
        return String.format("%016x", hash);
    }

    /** The hash of {@link #hex} digits. */
    public static long parseHex(String hex) {
        return Long.parseUnsignedLong(hex, 16);
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /**
     * How often each of the 64 bits is set among the shingles' hashes. Counted eight bits at a time:
     * {@code lanes[j]} holds, in its eight bytes, the counts of bits j, j + 8, …, j + 56; the bytes
     * are emptied into {@code ones} before they can overflow.
     */
    private static final class Counts {
        private static final long LOW_BITS = 0x0101010101010101L;
        private final long[] lanes = new long[8];
        private final int[] ones = new int[64];
        private int pending;
        private int total;

        void add(long h) {
            for (int j = 0; j < 8; j++) {
                lanes[j] += (h >>> j) & LOW_BITS;
            }
            total++;
            if (++pending == 255) {
                flush();
            }
        }

        private void flush() {
            for (int j = 0; j < 8; j++) {
                for (int k = 0; k < 8; k++) {
                    ones[8 * k + j] += (int) ((lanes[j] >>> (8 * k)) & 0xFF);
                }
                lanes[j] = 0;
            }
            pending = 0;
        }

        /** Bit b set where more hashes have it set than not (the count of sets minus unsets is positive). */
        long majority() {
            flush();
            long hash = 0;
            for (int bit = 0; bit < 64; bit++) {
                if (2 * ones[bit] - total > 0) {
                    hash |= 1L << bit;
                }
            }
            return hash;
        }
    }

    /** SplitMix64's finaliser: every input bit moves about half the output bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
