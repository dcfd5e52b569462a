package dev.newswire.enrich.extract;

import dev.newswire.enrich.EnrichmentLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/** Extracts the article from an HTML page: metadata (see {@link PageMetadata}) and clean body paragraphs. */
public final class HtmlExtractor {

    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile(
            "\\s*(?:,|;|、|\\s&\\s|\\s(?:and|und|et|y|e|en|dan|и)\\s)\\s*");

    /**
     * @throws NothingExtractableException when the markup nests deeper than
     *         {@link EnrichmentLimits#MAX_MARKUP_DEPTH}
     */
    public Extraction extract(String html, String url) {
        Document doc = parse(html, url);
        int depth = depth(doc);
        if (depth > EnrichmentLimits.MAX_MARKUP_DEPTH) {
            throw new NothingExtractableException("markup nested " + depth + " levels deep (at most "
                    + EnrichmentLimits.MAX_MARKUP_DEPTH + " are read)");
        }
        PageMetadata meta = PageMetadata.read(doc, url);
        Element article = ContentLocator.locate(doc, () -> parse(html, url), meta.title());
        Furniture.strip(article);
        List<String> paragraphs = Boilerplate.strip(ParagraphWriter.blocks(article));
        String jsonBody = meta.articleBody();
        if (jsonBody != null && jsonBody.length() >= MIN_JSON_BODY && length(paragraphs) < jsonBody.length() / 2) {
            // The markup holds less than half of what the page's own JSON-LD says the article is:
            // a page rendered by scripts, or one whose text the scoring missed.
            paragraphs = jsonLdParagraphs(jsonBody);
        }
        if (!paragraphs.isEmpty() && meta.title() != null && paragraphs.get(0).equals(meta.title())) {
            paragraphs.remove(0);
        }
        return new Extraction(meta.title(), meta.byline(), authors(meta.byline()), meta.publishedAt(),
                meta.siteName(), meta.language(), paragraphs);
    }

    /** JSON-LD article text shorter than this is a teaser, not a body to fall back on. */
    private static final int MIN_JSON_BODY = 300;

    private static int length(List<String> paragraphs) {
        int n = 0;
        for (String p : paragraphs) {
            n += p.length();
        }
        return n;
    }

    /** JSON-LD article text as paragraphs: its own line breaks where it has them; markup, if any, removed. */
    private static List<String> jsonLdParagraphs(String text) {
        String plain = text.indexOf('<') >= 0 && text.indexOf('>') > 0
                ? String.join("\n\n", ParagraphWriter.paragraphs(Jsoup.parseBodyFragment(text).body()))
                : org.jsoup.parser.Parser.unescapeEntities(text, false);
        List<String> paragraphs = new ArrayList<>();
        // Split at line breaks, then strip: a pattern with white space around the break would backtrack
        // over every long run of spaces (quadratic).
        for (String p : plain.split("\n")) {
            if (!p.isBlank()) {
                paragraphs.add(collapseSpaces(p.strip()));
            }
        }
        return paragraphs;
    }

    /** Runs of white space inside a line as one space, as {@link ParagraphWriter} writes the markup's text. */
    private static String collapseSpaces(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** How deep the elements nest, counted without recursion. */
    static int depth(Document doc) {
        int[] max = {0};
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element) {
                max[0] = Math.max(max[0], depth);
            }
        }, doc);
        return max[0];
    }

    static Document parse(String html, String url) {
        return url == null ? Jsoup.parse(html) : Jsoup.parse(html, url);
    }

    static List<String> authors(String byline) {
        List<String> authors = new ArrayList<>();
        if (byline == null) {
            return authors;
        }
        for (String part : AUTHOR_SEPARATOR.split(EnrichmentLimits.cut(byline, EnrichmentLimits.MAX_TITLE_CHARS))) {
            String name = part.strip();
            if (!name.isEmpty() && name.length() <= 80 && !authors.contains(name)) {
                authors.add(name);
            }
        }
        return authors;
    }
}
