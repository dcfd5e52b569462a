package dev.newswire.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an article element into paragraphs of plain text: every block element (paragraph, heading,
 * list item, quote, table row, caption) starts a new paragraph; whitespace inside a paragraph is
 * collapsed except in {@code <pre>}; a {@code <br>} is kept as a line break.
 */
public final class ParagraphWriter implements NodeVisitor {

    private static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
            "tbody", "tfoot", "thead", "tr", "ul", "body", "html");

    /** A paragraph and how many of its characters are link text. */
    record Block(String text, int linkChars) {

        double linkRatio() {
            return text.isEmpty() ? 0 : Math.min(1, linkChars / (double) text.length());
        }
    }

    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private int preDepth;
    private int linkDepth;
    private int linkChars;

    private ParagraphWriter() {
    }

    /** The paragraphs of plain text under {@code root} (none for null). */
    public static List<String> paragraphs(Element root) {
        return blocks(root).stream().map(Block::text).toList();
    }

    static List<Block> blocks(Element root) {
        ParagraphWriter writer = new ParagraphWriter();
        if (root != null) {
            NodeTraversor.traverse(writer, root);
            writer.flush();
        }
        return writer.blocks;
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
            int before = current.length();
            if (preDepth > 0) {
                current.append(text.getWholeText());
            } else {
                appendCollapsed(text.getWholeText());
            }
            if (linkDepth > 0) {
                linkChars += current.length() - before;
            }
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        String tag = e.normalName();
        if (tag.equals("br")) {
            current.append('\n');
        } else if (tag.equals("td") || tag.equals("th")) {
            current.append(' ');
        } else if (tag.equals("img") && current.length() > 0) {
            current.append(' ');
        } else if (BLOCKS.contains(tag)) {
            flush();
        }
        if (tag.equals("pre")) {
            preDepth++;
        } else if (tag.equals("a")) {
            linkDepth++;
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element e) {
            String tag = e.normalName();
            if (tag.equals("pre")) {
                preDepth--;
            } else if (tag.equals("a")) {
                linkDepth--;
            }
            if (BLOCKS.contains(tag)) {
                flush();
            }
        }
    }

    private void appendCollapsed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                int len = current.length();
                if (len > 0 && current.charAt(len - 1) != ' ' && current.charAt(len - 1) != '\n') {
                    current.append(' ');
                }
            } else {
                current.append(c);
            }
        }
    }

    /** Line breaks without the spaces around them, never two in a row, none at the ends. */
    private static String tidyLines(StringBuilder text) {
        if (text.indexOf("\n") < 0) {
            return text.toString().strip();
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.toString().split("\n")) {
            String l = line.strip();
            if (!l.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(l);
            }
        }
        return out.toString();
    }

    private void flush() {
        String p = preDepth > 0 ? current.toString().strip() : tidyLines(current);
        current.setLength(0);
        if (!p.isEmpty()) {
            blocks.add(new Block(p, linkChars));
        }
        linkChars = 0;
    }
}
