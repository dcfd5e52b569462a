package dev.newswire.ingest.fetch;

import dev.newswire.runtime.text.TextDecoding;
import java.net.URI;
import java.util.Set;

/**
 * A fetched web document, classified.
 *
 * @param requested   the URL asked for
 * @param finalUri    the URL that answered, after redirects
 * @param mediaType   the media type the server declared (lower case, no parameters), or {@code null}
 * @param contentType the full {@code Content-Type} header, or {@code null}
 * @param body        the bytes
 * @param kind        what the document is
 */
public record FetchedPage(URI requested, URI finalUri, String mediaType, String contentType, byte[] body, Kind kind) {

    /** What a fetched document is, by declared type and, where that is vague, by its first bytes. */
    public enum Kind {
        HTML, TEXT, FEED, OTHER
    }

    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");
    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/rdf+xml", "application/feed+json", "application/xml", "text/xml", "application/json");

    /** Classifies a document by its media type, sniffing the first bytes for the generic XML and JSON types. */
    public static Kind classify(String mediaType, byte[] body) {
        if (mediaType != null && HTML_TYPES.contains(mediaType)) {
            return Kind.HTML;
        }
        if ("text/plain".equals(mediaType)) {
            return looksLikeFeed(body) ? Kind.FEED : Kind.TEXT;
        }
        if (mediaType == null || FEED_TYPES.contains(mediaType)) {
            return looksLikeFeed(body) ? Kind.FEED : mediaType == null && looksLikeHtml(body) ? Kind.HTML : Kind.OTHER;
        }
        return Kind.OTHER;
    }

    /** Whether the document starts like RSS, Atom, RDF or a JSON Feed. */
    static boolean looksLikeFeed(byte[] body) {
        String head = head(body);
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
                || head.contains("jsonfeed.org/version/");
    }

    private static boolean looksLikeHtml(byte[] body) {
        String head = head(body);
        return head.contains("<!doctype html") || head.contains("<html");
    }

    private static String head(byte[] body) {
        return new String(body, 0, Math.min(body.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** The body as text (HTML and plain text pages). */
    public String text() {
        return TextDecoding.decode(body, contentType, kind == Kind.HTML);
    }
}
