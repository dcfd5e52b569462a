package dev.newswire.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Drops the page furniture that sits inside the article element, recognised by its markup rather
 * than its words: captions ({@code <figcaption>}, caption and credit classes), related-article and
 * "read also" boxes, share, newsletter, rating and comment boxes, post metadata (bylines, dates,
 * tags, author boxes), disclaimers and form labels. Content scoring picks a container and keeps
 * what it holds; these blocks are what it holds besides the text.
 *
 * <p>Class names and ids are read as words: split at punctuation and at lower-to-upper case
 * changes ({@code RelatedCoverage-container} is "related coverage container"), so that a word
 * inside a longer one ({@code articleBody}) never counts, and a furniture word counts even beside
 * an article word ({@code related-articles}, which Readability's patterns keep). An element is
 * dropped only when its text is a small part of the article's, so that a page whose whole text
 * sits in a container named so (a comment-like class on the body) keeps it.
 */
final class Furniture {

    /** Furniture words and word pairs, as they appear in class names and ids (any language the sets showed). */
    private static final Pattern WORDS = Pattern.compile(" (?:"
            + "related|relatedposts|relatedarticles|related posts|related articles|related links|read more|readmore|"
            + "read also|more articles|more stories|more news|see also|recommended|recommendations?|outbrain|taboola|"
            + "lee tambien|veja tambem|leia tambem|lire aussi|siehe auch|mehr zum thema|next post|nextstory|"
            + "prev post|previous post|post navigation|"
            + "caption|captions|figcaption|wp caption text|legend|credit|credits|copyright|photocredit|img metadata|"
            + "share|sharing|sharebar|social|socials|social share|"
            + "newsletter|newsletters|news letter|subscribe|subscription|signup|sign up|optin|paywall|"
            + "comments?|kommentare?|commentaires?|comentarios?|disqus|respond|replies|"
            + "footer|entryfooter|entry utility|entry meta|postmetadata|post meta|postmeta|article meta|"
            + "byline|bylines|author bio|author box|authorbox|about author|author info|entry author|"
            + "dateline|published date|article date|post date|"
            + "tags|tagcloud|tag cloud|breadcrumb|breadcrumbs|pagination|pager|"
            + "rating|ratings|star rating|vote|disclaimer|disclosure|ad disclosure|licence info|license info|"
            + "sidebar|promo|sponsored|cookie|cookies|consent|gdpr"
            + ") ");

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])");
    private static final Pattern NON_WORD = Pattern.compile("[^A-Za-z0-9]+");

    /** Elements whose whole text is furniture wherever they stand. */
    private static final Set<String> TAGS = Set.of("figcaption", "label");

    /** A furniture block holding more than this part of the article's text is taken for text. */
    private static final double MAX_SHARE = 0.3;

    /**
     * An id of more than three words is a heading's slug ({@code sharing-with-a-single-developer}),
     * which says what the section is about, not what kind of block it is.
     */
    private static String shortId(String id) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < id.length(); i++) {
            boolean letter = Character.isLetterOrDigit(id.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words > 3 ? "" : id;
    }

    private Furniture() {
    }

    /** Removes the furniture under {@code article} (not the article itself); null is left as it is. */
    static void strip(Element article) {
        if (article == null) {
            return;
        }
        int total = TextStats.of(article).length();
        if (total == 0) {
            return;
        }
        List<Element> drop = new ArrayList<>();
        collect(article, total, drop);
        for (Element e : drop) {
            e.remove();
        }
    }

    private static void collect(Element parent, int total, List<Element> drop) {
        // By the child nodes, not children(): jsoup's cached list of child elements can be stale after
        // the content scoring replaced a div by its paragraph.
        for (org.jsoup.nodes.Node node : parent.childNodes()) {
            if (!(node instanceof Element child)) {
                continue;
            }
            if (isFurniture(child) && TextStats.of(child).length() <= total * MAX_SHARE) {
                drop.add(child);
            } else {
                collect(child, total, drop);
            }
        }
    }

    static boolean isFurniture(Element e) {
        if (TAGS.contains(e.normalName())) {
            return true;
        }
        String names = e.className() + " " + shortId(e.id()) + " " + e.attr(ContentLocator.REPLACED_NAMES);
        if (names.isBlank()) {
            return false;
        }
        return WORDS.matcher(words(names)).find();
    }

    /** Class names and id as space-separated lower-case words, with a space at each end. */
    static String words(String names) {
        String split = NON_WORD.matcher(CAMEL.matcher(names).replaceAll(" ")).replaceAll(" ");
        return " " + split.toLowerCase(Locale.ROOT).strip() + " ";
    }
}
