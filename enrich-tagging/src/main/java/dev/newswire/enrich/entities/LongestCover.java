package dev.newswire.enrich.entities;

/**
 * For each token, the longest dictionary entry of several tokens that covers it: the entry's value
 * (categories) and the token's place in it (1 first, 2 inside, 3 last). Entries are offered one by
 * one as token ranges; a longer one replaces a shorter one where they overlap.
 */
final class LongestCover {

    final int[] value;
    final int[] place;
    private final int[] length;

    LongestCover(int tokens) {
        this.value = new int[tokens];
        this.place = new int[tokens];
        this.length = new int[tokens];
    }

    /** An entry over tokens {@code first..last} (inclusive); entries of one token and value 0 are ignored. */
    void offer(int first, int last, int entryValue) {
        int entryLength = last - first + 1;
        if (entryValue == 0 || entryLength < 2) {
            return;
        }
        for (int t = first; t <= last; t++) {
            if (entryLength > length[t]) {
                length[t] = entryLength;
                value[t] = entryValue;
                place[t] = t == first ? 1 : t == last ? 3 : 2;
            }
        }
    }
}
