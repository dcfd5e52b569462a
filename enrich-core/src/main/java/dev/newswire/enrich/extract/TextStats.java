package dev.newswire.enrich.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Text length, comma count and link-text length of an element in one walk, without building its
 * text: the content scoring asks for these of many nested elements, and {@code Element.text()} on
 * each would copy the page's text over and over. Whitespace runs count as one character, as in the
 * normalised text.
 *
 * @param length     characters of text (whitespace runs counted once)
 * @param commas     commas of any script
 * @param linkLength characters inside links, those of in-page ({@code #…}) links weighed 0.3
 */
record TextStats(int length, int commas, double linkLength) {

    static TextStats of(Element root) {
        Counter counter = new Counter();
        counter.walk(root);
        return new TextStats(counter.length, counter.commas, counter.linkLength);
    }

    /**
     * Statistics of each wanted element under the root, from one walk of the root: the content
     * scoring needs the link density of every candidate, and candidates nest, so walking each one
     * would walk the page again and again.
     */
    static java.util.Map<Element, TextStats> ofAll(Element root, java.util.Collection<Element> wanted) {
        Counter counter = new Counter();
        counter.wanted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        counter.wanted.addAll(wanted);
        counter.found = new java.util.IdentityHashMap<>();
        counter.walk(root);
        return counter.found;
    }

    /**
     * The summed text lengths of the element's descendants with one of the tags (a nested pair counts
     * its text twice, as summing each one's length would), in one walk.
     */
    static int taggedLength(Element root, java.util.Set<String> tags) {
        Counter counter = new Counter();
        counter.tags = tags;
        counter.walk(root);
        return counter.tagged;
    }

    /** Whether the element has any non-whitespace text, stopping at the first. */
    static boolean hasText(Element root) {
        for (Node child : root.childNodes()) {
            if (child instanceof TextNode t) {
                if (!t.isBlank()) {
                    return true;
                }
            } else if (child instanceof Element e && hasText(e)) {
                return true;
            }
        }
        return false;
    }

    /** Counts as {@code Element.text()} would measure: whitespace runs between words count once, ends trimmed. */
    private static final class Counter {

        int length;
        int commas;
        double linkLength;
        boolean pendingSpace;
        java.util.Set<String> tags;
        int tagDepth;
        int tagged;
        boolean root = true;
        java.util.Set<Element> wanted;
        java.util.Map<Element, TextStats> found;

        void walk(Element element) {
            if (wanted != null && wanted.contains(element)) {
                int length0 = length;
                int commas0 = commas;
                double link0 = linkLength;
                walkChildren(element);
                found.put(element, new TextStats(length - length0, commas - commas0, linkLength - link0));
            } else {
                walkChildren(element);
            }
        }

        private void walkChildren(Element element) {
            boolean link = element.normalName().equals("a");
            boolean isTagged = tags != null && !root && tags.contains(element.normalName());
            root = false;
            if (isTagged) {
                tagDepth++;
            }
            int before = length;
            for (Node child : element.childNodes()) {
                if (child instanceof TextNode t) {
                    int start = length;
                    count(t.getWholeText());
                    tagged += (length - start) * tagDepth;
                } else if (child instanceof Element e) {
                    walk(e);
                }
            }
            if (isTagged) {
                tagDepth--;
            }
            if (link) {
                // As Readability: each link by its own text, in-page links weighed 0.3.
                String href = element.attr("href");
                linkLength += (length - before) * (href.length() > 1 && href.charAt(0) == '#' ? 0.3 : 1);
            }
        }

        private void count(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (isWhitespace(c)) {
                    pendingSpace = true;
                    continue;
                }
                if (pendingSpace && length > 0) {
                    length++;
                }
                pendingSpace = false;
                length++;
                if (c == ',' || c == '\u060C' || c == '\uFE50' || c == '\uFE10' || c == '\uFE11' || c == '\u2E41'
                        || c == '\u2E34' || c == '\u2E32' || c == '\uFF0C' || c == '\u3001') {
                    commas++;
                }
            }
        }

        /**
         * {@link Character#isWhitespace(char)}, answered without the call for the letters of most
         * scripts: no character between the space and U+1680 or after U+3000 is whitespace. The
         * scoring walks every character of the page several times, and the call took most of that time.
         */
        static boolean isWhitespace(char c) {
            return (c <= ' ' || c >= '\u1680') && (c <= '\u3000') && Character.isWhitespace(c);
        }
    }
}
