package dev.newswire.ingest.fetch;

import java.net.URI;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What the head of an HTML page says about itself, read with jsoup's forgiving parser. */
public final class HtmlHints {

    /** Characters of a page read for its declared URL. */
    static final int HEAD_CHARS = 64 * 1024;

    private HtmlHints() {
    }

    /**
     * The page's own statement of its URL: {@code <link rel="canonical">}, else {@code og:url}; only an
     * absolute http(s) URL counts. Used for pages sent without a URL, so that the same page sent as a file
     * and fetched from the web gets the same article id.
     */
    public static String canonicalUrl(String html) {
        // Only the head is needed, and it comes first: the DOM of a whole 2 Mi character page of 290,000
        // elements took 0.8-1.7 s and 10-14 MB to build, for two attributes; its first 64 Ki characters 40-60 ms.
        Document doc = Jsoup.parse(html.length() <= HEAD_CHARS ? html : html.substring(0, HEAD_CHARS));
        for (String candidate : new String[] {
                attr(doc.selectFirst("link[rel~=(?i)^canonical$][href]"), "href"),
                attr(doc.selectFirst("meta[property=og:url][content]"), "content")}) {
            if (candidate == null) {
                continue;
            }
            try {
                URI uri = new URI(candidate.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return uri.toString();
                }
            } catch (Exception e) {
                // not a URL: try the next candidate
            }
        }
        return null;
    }

    private static String attr(Element element, String name) {
        return element == null ? null : element.attr(name);
    }
}
