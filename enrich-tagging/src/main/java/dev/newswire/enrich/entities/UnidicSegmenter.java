package dev.newswire.enrich.entities;

import com.atilika.kuromoji.dict.CharacterDefinitions;
import com.atilika.kuromoji.dict.ConnectionCosts;
import com.atilika.kuromoji.dict.Dictionary;
import com.atilika.kuromoji.dict.TokenInfoDictionary;
import com.atilika.kuromoji.dict.UnknownDictionary;
import com.atilika.kuromoji.unidic.Token;
import com.atilika.kuromoji.viterbi.ViterbiNode;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * UniDic's segmentation of a text exactly as kuromoji-unidic's {@code Tokenizer} finds it (the same
 * lattice of dictionary and unknown words, the same costs, the same choice between paths of equal
 * cost), at about half the cost. The tokenizer looks every prefix of every suffix of a clause up in
 * its trie from the root, copies each suffix and prefix into a new string, and makes an object per
 * node of the lattice; here the trie is walked one character further per prefix, nodes are rows of
 * int arrays reused from call to call, each word's ids and cost are read from a compact array and its part
 * of speech is hashed once per process.
 * The steps mirror kuromoji's {@code TokenizerBase.createTokenList}, {@code ViterbiBuilder.build}
 * and {@code ViterbiSearcher.search} (normal mode, no user dictionary), which UniDic's tokenizer
 * runs; {@code UnidicSegmenterTest} checks the two agree.
 */
final class UnidicSegmenter {

    /** The words of a text: start and end (exclusive) in UTF-16 units and the part-of-speech hash. */
    record Words(int size, int[] start, int[] end, int[] tag) {
    }

    private static final int DEFAULT_COST = Integer.MAX_VALUE;
    private static final int NONE = -1;

    private final DoubleArray trie;
    private final TokenInfoDictionary dictionary;
    /** Per trie index, where its words are in {@link #words} (-1: none); the dictionary's own map, shared. */
    private final int[] wordsAt;
    /**
     * At each trie index's place (see {@link #wordsAt}) the number of its words, then per word its id,
     * left id, right id and cost (20, 14, 14 and 16 bits): what the lattice needs of a word, read
     * from one or two cache lines. The dictionary has them in a list of ids and, per id, among the
     * word's features, a cache line per word, which its map copies to a new array on every lookup.
     */
    private final long[] words;
    private final UnknownDictionary unknown;
    private final CharacterDefinitions characters;
    private final ConnectionCosts connections;
    /** Per word id of the dictionary (and of the unknown-word one): its part of speech's hash plus one; 0 until needed. */
    private final AtomicIntegerArray knownTags = new AtomicIntegerArray(1 << 21);
    private final AtomicIntegerArray unknownTags = new AtomicIntegerArray(1 << 12);

    /** The lattice of the clause in hand, reused by the thread. */
    private static final ThreadLocal<Lattice> LATTICE = ThreadLocal.withInitial(Lattice::new);

    UnidicSegmenter(DoubleArray trie, TokenInfoDictionary dictionary, UnknownDictionary unknown,
                    CharacterDefinitions characters, ConnectionCosts costs) {
        this.trie = trie;
        this.dictionary = dictionary;
        Object map = field(TokenInfoDictionary.class, dictionary, "wordIdMap");
        this.wordsAt = (int[]) field(map.getClass(), map, "indices");
        int[] ids = (int[]) field(map.getClass(), map, "wordIds");
        this.words = new long[ids.length];
        for (int at : wordsAt) {
            if (at < 0) {
                continue;
            }
            words[at] = ids[at];
            for (int k = at + 1; k <= at + ids[at]; k++) {
                int id = ids[k];
                int leftId = dictionary.getLeftId(id);
                int rightId = dictionary.getRightId(id);
                int cost = dictionary.getWordCost(id);
                if (id >>> 20 != 0 || leftId >>> 14 != 0 || rightId >>> 14 != 0 || (short) cost != cost) {
                    throw new IllegalStateException("UniDic's word " + id + " does not fit 64 bits");
                }
                words[k] = id | (long) leftId << 20 | (long) rightId << 34 | (long) cost << 48;
            }
        }
        this.unknown = unknown;
        this.characters = characters;
        this.connections = costs;
    }

    /** A field kuromoji keeps to itself. */
    private static Object field(Class<?> type, Object owner, String name) {
        try {
            java.lang.reflect.Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(owner);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("kuromoji's " + type.getSimpleName() + " has no field " + name, e);
        }
    }

    /** The words of the text, clause by clause (kuromoji cuts after each 。 and 、). */
    Words segment(String text) {
        Lattice lattice = LATTICE.get();
        Words words = new Words(0, new int[64], new int[64], new int[64]);
        int offset = 0;
        while (offset < text.length()) {
            int maru = text.indexOf('。', offset);
            int ten = text.indexOf('、', offset);
            int cut = maru < 0 || ten < 0 ? Math.max(maru, ten) : Math.min(maru, ten);
            int end = cut < 0 ? text.length() : cut + 1;
            words = clause(lattice, text, offset, end, words);
            offset = end;
        }
        return words;
    }

    /** One clause, {@code text[from, to)}: the lattice, its cheapest path, its words appended. */
    private Words clause(Lattice lattice, String text, int from, int to, Words words) {
        int length = to - from;
        lattice.reset(length + 2);
        lattice.add(NONE, 0, 0, 0, 0, 0, 0, 1); // BOS
        int unknownWordEnd = -1;
        for (int start = 0; start < length; start++) {
            if (lattice.endCount[start + 1] == 0) {
                continue;
            }
            boolean found = known(lattice, text, from, to, start);
            if (unknownWordEnd <= start) {
                int[] categories = characters.lookupCategories(text.charAt(from + start));
                for (int i = 0; i < categories.length; i++) {
                    unknownWordEnd = unknownWord(lattice, text, from, to, start, categories[i], i, unknownWordEnd, found);
                }
            }
        }
        int eos = lattice.add(NONE, 0, 0, 0, 0, length, length + 1, 0);
        lattice.search(connections);
        // Back from EOS along the best left nodes; the words come out last first.
        int count = 0;
        for (int n = lattice.left[eos]; n != NONE && n != 0; n = lattice.left[n]) {
            count++;
        }
        int size = words.size();
        int[] starts = grow(words.start(), size + count);
        int[] ends = grow(words.end(), size + count);
        int[] tags = grow(words.tag(), size + count);
        int at = size + count;
        for (int n = lattice.left[eos]; n != NONE && n != 0; n = lattice.left[n]) {
            at--;
            starts[at] = from + lattice.start[n];
            ends[at] = from + lattice.start[n] + lattice.length[n];
            tags[at] = tag(lattice.word[n], lattice.isUnknown[n], text, from + lattice.start[n], lattice.length[n]);
        }
        return new Words(size + count, starts, ends, tags);
    }

    private static int[] grow(int[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, 2 * a.length));
    }

    /**
     * The dictionary's words that start at {@code start}: the trie walked one character further for
     * each longer prefix, with what {@code DoubleArrayTrie.lookup} answers for each (a word ends
     * there, only a longer word can, or none can: stop).
     */
    private boolean known(Lattice lattice, String text, int from, int to, int start) {
        boolean found = false;
        DoubleArray.Walk walk = trie.walk();
        for (int e = start; e < to - from; e++) {
            if (!walk.next(text.charAt(from + e))) {
                return found;
            }
            int result = walk.result();
            if (result > 0) {
                found = true;
                int at = wordsAt[result];
                for (int k = at + 1; at >= 0 && k <= at + (int) words[at]; k++) {
                    long word = words[k];
                    lattice.add((int) word & 0xFFFFF, 0, (int) (word >>> 20) & 0x3FFF, (int) (word >>> 34) & 0x3FFF,
                            (int) (word >> 48), start, start + 1, start + 1 + (e - start + 1));
                }
            }
        }
        return found;
    }

    /** {@code ViterbiBuilder.processUnknownWord}: an unknown word of the character's category. */
    private int unknownWord(Lattice lattice, String text, int from, int to, int start, int category, int i,
                            int unknownWordEnd, boolean found) {
        int length = 0;
        int[] definition = characters.lookupDefinition(category);
        if (definition[CharacterDefinitions.INVOKE] == 1 || !found) {
            length = 1;
            if (definition[CharacterDefinitions.GROUP] != 0) {
                for (int j = from + start + 1; j < to; j++) {
                    int[] categories = characters.lookupCategories(text.charAt(j));
                    if (categories == null || !(i < categories.length && category == categories[i])) {
                        break;
                    }
                    length++;
                }
            }
        }
        if (length > 0) {
            for (int wordId : unknown.lookupWordIds(category)) {
                lattice.add(wordId, 1, unknown.getLeftId(wordId), unknown.getRightId(wordId),
                        unknown.getWordCost(wordId), start, start + 1, start + 1 + length);
            }
            return start + length;
        }
        return unknownWordEnd;
    }

    /** The hash of the word's UniDic part of speech (four levels), as {@link UnidicView} features it. */
    private int tag(int wordId, byte isUnknown, String text, int from, int length) {
        AtomicIntegerArray cache = isUnknown == 1 ? unknownTags : knownTags;
        if (wordId >= 0 && wordId < cache.length()) {
            int cached = cache.get(wordId);
            if (cached != 0) {
                return cached - 1;
            }
        }
        Dictionary source = isUnknown == 1 ? unknown : dictionary;
        Token token = new Token(wordId, text.substring(from, from + length),
                isUnknown == 1 ? ViterbiNode.Type.UNKNOWN : ViterbiNode.Type.KNOWN, from, source);
        int h = FeatureHash.string(token.getPartOfSpeechLevel1() + "-" + token.getPartOfSpeechLevel2() + "-"
                + token.getPartOfSpeechLevel3() + "-" + token.getPartOfSpeechLevel4());
        if (wordId >= 0 && wordId < cache.length()) {
            cache.set(wordId, h + 1);
        }
        return h;
    }

    /**
     * kuromoji's {@code ViterbiLattice} as rows of arrays: per node its word, costs and place, and
     * per position the nodes that start and end there in the order they were added (which decides
     * between paths of equal cost).
     */
    private static final class Lattice {
        int nodes;
        int[] word = new int[256];
        byte[] isUnknown = new byte[256];
        int[] leftId = new int[256];
        int[] rightId = new int[256];
        int[] wordCost = new int[256];
        int[] start = new int[256];
        int[] length = new int[256];
        int[] pathCost = new int[256];
        int[] left = new int[256];
        int[] nextStarting = new int[256];
        int[] nextEnding = new int[256];
        int positions;
        int[] firstStarting = new int[64];
        int[] lastStarting = new int[64];
        int[] firstEnding = new int[64];
        int[] lastEnding = new int[64];
        int[] endCount = new int[64];
        int[] gathered = new int[64];

        void reset(int dimension) {
            nodes = 0;
            positions = dimension;
            if (firstStarting.length < dimension) {
                int n = Math.max(dimension, 2 * firstStarting.length);
                firstStarting = new int[n];
                lastStarting = new int[n];
                firstEnding = new int[n];
                lastEnding = new int[n];
                endCount = new int[n];
            }
            Arrays.fill(firstStarting, 0, dimension, NONE);
            Arrays.fill(lastStarting, 0, dimension, NONE);
            Arrays.fill(firstEnding, 0, dimension, NONE);
            Arrays.fill(lastEnding, 0, dimension, NONE);
            Arrays.fill(endCount, 0, dimension, 0);
        }

        /** Adds a node that starts at lattice position {@code from} and ends at {@code to}; its index. */
        int add(int wordId, int unknown, int leftId, int rightId, int cost, int textStart, int from, int to) {
            if (nodes == word.length) {
                int n = 2 * nodes;
                word = Arrays.copyOf(word, n);
                isUnknown = Arrays.copyOf(isUnknown, n);
                this.leftId = Arrays.copyOf(this.leftId, n);
                this.rightId = Arrays.copyOf(this.rightId, n);
                wordCost = Arrays.copyOf(wordCost, n);
                start = Arrays.copyOf(start, n);
                length = Arrays.copyOf(length, n);
                pathCost = Arrays.copyOf(pathCost, n);
                left = Arrays.copyOf(left, n);
                nextStarting = Arrays.copyOf(nextStarting, n);
                nextEnding = Arrays.copyOf(nextEnding, n);
            }
            int n = nodes++;
            word[n] = wordId;
            isUnknown[n] = (byte) unknown;
            this.leftId[n] = leftId;
            this.rightId[n] = rightId;
            wordCost[n] = cost;
            start[n] = textStart;
            length[n] = to - from;
            pathCost[n] = 0;
            left[n] = NONE;
            nextStarting[n] = NONE;
            nextEnding[n] = NONE;
            if (lastStarting[from] == NONE) {
                firstStarting[from] = n;
            } else {
                nextStarting[lastStarting[from]] = n;
            }
            lastStarting[from] = n;
            if (lastEnding[to] == NONE) {
                firstEnding[to] = n;
            } else {
                nextEnding[lastEnding[to]] = n;
            }
            lastEnding[to] = n;
            endCount[to]++;
            return n;
        }

        /**
         * {@code ViterbiSearcher.calculatePathCosts}: for each node, in the order of positions and of
         * addition, the left node of the least path cost (the first of equal ones). The connection
         * costs of a node's left nodes are read first, all of them, then compared: the reads, most of
         * them misses in a matrix of some 160 MB, then overlap.
         */
        void search(ConnectionCosts costs) {
            for (int i = 1; i < positions; i++) {
                if (firstStarting[i] == NONE || firstEnding[i] == NONE) {
                    continue;
                }
                int lefts = endCount[i];
                if (gathered.length < lefts) {
                    gathered = new int[Math.max(lefts, 2 * gathered.length)];
                }
                for (int node = firstStarting[i]; node != NONE; node = nextStarting[node]) {
                    int backward = leftId[node];
                    int k = 0;
                    for (int l = firstEnding[i]; l != NONE; l = nextEnding[l]) {
                        gathered[k++] = costs.get(rightId[l], backward);
                    }
                    int cost = wordCost[node];
                    int least = DEFAULT_COST;
                    k = 0;
                    for (int l = firstEnding[i]; l != NONE; l = nextEnding[l]) {
                        int path = pathCost[l] + gathered[k++] + cost;
                        if (path < least) {
                            least = path;
                            pathCost[node] = path;
                            left[node] = l;
                        }
                    }
                }
            }
        }
    }
}
