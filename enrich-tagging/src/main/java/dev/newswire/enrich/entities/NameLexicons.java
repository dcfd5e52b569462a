package dev.newswire.enrich.entities;

import com.atilika.kuromoji.dict.TokenInfoDictionary;
import com.atilika.kuromoji.trie.DoubleArrayTrie;
import com.atilika.kuromoji.util.SimpleResourceResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * What two more Japanese dictionaries know of a word: UniDic (foreign places and people in katakana,
 * Korean and Chinese given names and surnames) and JUMAN (place and person categories, words that
 * end organisation and person names, Wikipedia headwords with their hypernym). The tagger runs on
 * IPADIC's morphemes; these dictionaries are only looked up, not used to segment again, which costs
 * a fraction of a second tokenization: spans of one to {@link #MAX_TOKENS} morphemes inside a run
 * of nouns are looked up in both tries, and each morpheme gets the categories of the longest entry
 * that covers it, with its place in that entry.
 */
final class NameLexicons {

    static final int MAX_TOKENS = 5;

    private static final NameLexicons INSTANCE = new NameLexicons();

    private final Lexicon unidic;
    private final Lexicon juman;

    private NameLexicons() {
        this.unidic = new Lexicon(UnidicView.UNIDIC.trie, UnidicView.UNIDIC.dictionary(),
                NameLexicons::unidicCategories);
        this.juman = Lexicon.load(com.atilika.kuromoji.jumandic.Tokenizer.class, NameLexicons::jumanCategories);
    }

    static NameLexicons get() {
        return INSTANCE;
    }

    /** Per morpheme of {@code tokens}: the two dictionaries' categories and places. */
    record Hints(int[] unidic, int[] unidicPlace, int[] juman, int[] jumanPlace, int[] unidicSingle,
                 int[] jumanSingle) {
    }

    Hints of(int[] cp, JapaneseTokens tokens, boolean[] inRun, int[] runLast) {
        int n = tokens.size();
        LongestCover uCover = new LongestCover(n);
        LongestCover jCover = new LongestCover(n);
        int[] uSingle = new int[n];
        int[] jSingle = new int[n];
        for (int s = 0; s < n; s++) {
            if (!inRun[s]) {
                continue;
            }
            int last = Math.min(runLast[s], s + MAX_TOKENS - 1);
            // The spans from s are one text growing a morpheme at a time: each trie is walked once along it.
            DoubleArray.Walk uWalk = unidic.trie.walk();
            DoubleArray.Walk jWalk = juman.trie.walk();
            int from = tokens.start()[s];
            int walked = from;
            for (int e = s; e <= last; e++) {
                int to = Math.min(tokens.end()[e], cp.length);
                if (to <= from) {
                    continue;
                }
                for (; walked < to; walked++) {
                    uWalk.next(cp[walked]);
                    jWalk.next(cp[walked]);
                }
                int u = unidic.categories(uWalk.result());
                int j = juman.categories(jWalk.result());
                if (e == s) {
                    uSingle[s] = u;
                    jSingle[s] = j;
                }
                uCover.offer(s, e, u);
                jCover.offer(s, e, j);
            }
        }
        return new Hints(uCover.value, uCover.place, jCover.value, jCover.place, uSingle, jSingle);
    }

    /** UniDic parts of speech as bits: surname, given name, person, country, place, other proper noun, common noun. */
    private static int unidicCategories(String[] f) {
        String pos = f.length > 3 ? f[0] + "-" + f[1] + "-" + f[2] + "-" + f[3] : f[0];
        if (pos.startsWith("名詞-固有名詞-人名-姓")) {
            return 1;
        } else if (pos.startsWith("名詞-固有名詞-人名-名")) {
            return 2;
        } else if (pos.startsWith("名詞-固有名詞-人名")) {
            return 4;
        } else if (pos.startsWith("名詞-固有名詞-地名-国")) {
            return 8;
        } else if (pos.startsWith("名詞-固有名詞-地名")) {
            return 16;
        } else if (pos.startsWith("名詞-固有名詞")) {
            return 32;
        } else if (pos.startsWith("名詞-普通名詞")) {
            return 64;
        } else if (pos.startsWith("接尾辞")) {
            return 128;
        }
        return 256;
    }

    /**
     * JUMAN categories as bits: Japanese surname, given name, other person, Japanese place, foreign
     * place, organisation, ends an organisation name, ends a person name, ends an address, is a
     * Wikipedia headword, common noun.
     */
    private static int jumanCategories(String[] f) {
        String pos2 = f.length > 1 ? f[1] : "";
        String info = f.length > 6 ? f[6] : "";
        int bits = 0;
        if (pos2.equals("人名")) {
            bits |= info.contains("人名:日本:姓") ? 1 : info.contains("人名:日本:名") ? 2 : 4;
        } else if (pos2.equals("地名")) {
            bits |= info.contains("地名:日本") ? 8 : 16;
        } else if (pos2.equals("組織名")) {
            bits |= 32;
        } else if (pos2.equals("普通名詞")) {
            bits |= 1024;
        }
        if (info.contains("組織名末尾")) {
            bits |= 64;
        }
        if (info.contains("人名末尾")) {
            bits |= 128;
        }
        if (info.contains("住所末尾")) {
            bits |= 256;
        }
        if (info.contains("Wikipedia")) {
            bits |= 512;
        }
        return bits == 0 ? 2048 : bits;
    }

    /** One dictionary's trie and entries, with the categories of each entry computed once. */
    private static final class Lexicon {

        private final DoubleArray trie;
        private final TokenInfoDictionary dictionary;
        private final java.util.function.ToIntFunction<String[]> categorise;
        private final AtomicIntegerArray cache;

        Lexicon(DoubleArray trie, TokenInfoDictionary dictionary,
                java.util.function.ToIntFunction<String[]> categorise) {
            this.trie = trie;
            this.dictionary = dictionary;
            this.categorise = categorise;
            this.cache = new AtomicIntegerArray(1 << 21);
        }

        /** The trie and entries of a kuromoji dictionary jar, without its connection costs. */
        static Lexicon load(Class<?> resources, java.util.function.ToIntFunction<String[]> categorise) {
            try {
                SimpleResourceResolver resolver = new SimpleResourceResolver(resources);
                return new Lexicon(new DoubleArray(DoubleArrayTrie.newInstance(resolver)),
                        TokenInfoDictionary.newInstance(resolver),
                        categorise);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the kuromoji dictionary of " + resources.getName(), e);
            }
        }

        /** The union of the categories of the entries at trie index {@code id} (a {@link DoubleArray.Walk#result}); 0 when there is none. */
        int categories(int id) {
            if (id <= 0) {
                return 0;
            }
            int bits = 0;
            for (int wordId : dictionary.lookupWordIds(id)) {
                bits |= categoriesOf(wordId);
            }
            return bits;
        }

        private int categoriesOf(int wordId) {
            if (wordId < 0 || wordId >= cache.length()) {
                return categorise.applyAsInt(dictionary.getAllFeaturesArray(wordId));
            }
            int c = cache.get(wordId);
            if (c == 0) {
                c = categorise.applyAsInt(dictionary.getAllFeaturesArray(wordId));
                cache.set(wordId, c);
            }
            return c;
        }
    }
}
