package dev.newswire.enrich;

import dev.newswire.model.EventLimits;

/**
 * How much of an article the enrichment reads and writes, so that the work per article and the size
 * of every {@link dev.newswire.model.EnrichedArticle} are bounded whatever the page holds. The
 * figures come from real pages (the extraction test sets of Readability and trafilatura, 919
 * pages): their longest article texts have 108,115 and 81,880 characters, their longest title 222,
 * their most mentioned entity 220 mentions; so hardly any real article is cut, and one made of a
 * page of any size is enriched in a few seconds.
 */
public final class EnrichmentLimits {

    /**
     * Longest body kept, in characters; the body is cut at the last paragraph break before it (else
     * at a space, else where it falls). 200,000 characters of the worst case, six bytes each as JSON
     * escapes, still leave the event under a fifth of {@link EventLimits#MAX_RECORD_BYTES}.
     */
    public static final int MAX_BODY_CHARS = 200_000;

    /**
     * Longest part of the body the tagging stages (entities, topics, keywords) read, in characters,
     * from its start; the rest of a longer body is still stored and searchable. The tagger takes
     * one to three seconds on so much text (one core, English or Japanese).
     */
    public static final int MAX_TAGGED_CHARS = 100_000;

    /**
     * Most mentions listed per entity (the real pages have up to 220); further ones are not listed.
     */
    public static final int MAX_MENTIONS_PER_ENTITY = 250;

    /**
     * Most mentions listed per article, of all its entities together; names met after that are left
     * out, entity and mention. With the other limits this keeps an event under half of
     * {@link EventLimits#MAX_RECORD_BYTES} whatever the page.
     */
    public static final int MAX_MENTIONS = 10_000;

    /**
     * Longest name an entity mention may have, in code points: a longer span (a run of 100,000
     * katakana the tagger took for one name) is no name, and its id would be too long for a keyword
     * field of the index (32 KB).
     */
    public static final int MAX_NAME_CHARS = 200;

    /** Longest title, byline and site name kept, in characters. */
    public static final int MAX_TITLE_CHARS = 1_000;

    /**
     * Longest run of characters without white space that the body keeps, outside the scripts
     * written without spaces (Chinese, Japanese, Thai …): longer runs (a page of one 1 MB "word",
     * an inline data URI) are no text and are dropped.
     */
    public static final int MAX_WORD_CHARS = 1_000;

    /**
     * Deepest nesting of elements a page may have (the real pages have 42 at most). Content scoring
     * walks the tree recursively: a deeper page is no article, and is refused before the walk.
     */
    public static final int MAX_MARKUP_DEPTH = 500;

    private EnrichmentLimits() {
    }

    /**
     * {@code text} cut to at most {@code max} characters: at the last blank line in its final quarter,
     * else at the last white space there, else at {@code max} (never between the two halves of a
     * surrogate pair). Null stays null.
     */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int from = max - max / 4;
        int paragraph = text.lastIndexOf("\n\n", max - 2);
        if (paragraph >= from) {
            return text.substring(0, paragraph);
        }
        for (int i = max; i > from; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return text.substring(0, i).stripTrailing();
            }
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
