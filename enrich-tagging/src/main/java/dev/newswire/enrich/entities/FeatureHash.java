package dev.newswire.enrich.entities;

/**
 * Feature ids without building strings: a feature is a template number mixed with a few integers
 * (code points, hashes of words or tags), reduced to {@link #BITS} bits. Collisions cost a little
 * accuracy and save the memory and the time of a feature dictionary.
 */
final class FeatureHash {

    static final int BITS = 22;
    static final int SPACE = 1 << BITS;

    private FeatureHash() {
    }

    static int of(int template, int a) {
        return finish(mix(mix(0x2545F491, template), a));
    }

    static int of(int template, int a, int b) {
        return finish(mix(mix(mix(0x2545F491, template), a), b));
    }

    static int of(int template, int a, int b, int c) {
        return finish(mix(mix(mix(mix(0x2545F491, template), a), b), c));
    }

    static int of(int template, int a, int b, int c, int d) {
        return finish(mix(mix(mix(mix(mix(0x2545F491, template), a), b), c), d));
    }

    /** A stable hash of a string (unlike {@link String#hashCode()} it spreads short strings well). */
    static int string(CharSequence s) {
        int h = 0x811C9DC5;
        for (int i = 0; i < s.length(); i++) {
            h = mix(h, s.charAt(i));
        }
        return finish(h) ^ s.length();
    }

    private static int mix(int h, int k) {
        k *= 0xCC9E2D51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1B873593;
        h ^= k;
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xE6546B64;
    }

    private static int finish(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h >>> (32 - BITS);
    }
}
