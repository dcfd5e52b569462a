package dev.newswire.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Extracts the article from an HTML page: metadata (see {@link PageMetadata}) and clean body paragraphs. */
public final class HtmlExtractor {

    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile(
            "\\s*(?:,|;|、|\\s&\\s|\\s(?:and|und|et|y|e|en|dan|и)\\s)\\s*");

    public Extraction extract(String html, String url) {
        Document doc = parse(html, url);
        PageMetadata meta = PageMetadata.read(doc, url);
        Element article = ContentLocator.locate(doc, () -> parse(html, url), meta.title());
        List<String> paragraphs = Boilerplate.strip(ParagraphWriter.blocks(article));
        if (!paragraphs.isEmpty() && meta.title() != null && paragraphs.get(0).equals(meta.title())) {
            paragraphs.remove(0);
        }
        return new Extraction(meta.title(), meta.byline(), authors(meta.byline()), meta.publishedAt(),
                meta.siteName(), meta.language(), paragraphs);
    }

    static Document parse(String html, String url) {
        return url == null ? Jsoup.parse(html) : Jsoup.parse(html, url);
    }

    static List<String> authors(String byline) {
        List<String> authors = new ArrayList<>();
        if (byline == null) {
            return authors;
        }
        for (String part : AUTHOR_SEPARATOR.split(byline)) {
            String name = part.strip();
            if (!name.isEmpty() && name.length() <= 80 && !authors.contains(name)) {
                authors.add(name);
            }
        }
        return authors;
    }
}
