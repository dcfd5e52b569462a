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

        void walk(Element element) {
            boolean link = element.normalName().equals("a");
            int before = length;
            for (Node child : element.childNodes()) {
                if (child instanceof TextNode t) {
                    count(t.getWholeText());
                } else if (child instanceof Element e) {
                    walk(e);
                }
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
                if (Character.isWhitespace(c)) {
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
    }
}
