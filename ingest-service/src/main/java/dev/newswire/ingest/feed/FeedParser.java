package dev.newswire.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.filter.Filters;
import org.jdom2.input.sax.XMLReaders;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom with Rome, and JSON Feed with {@link JsonFeedParser}, into
 * {@link ParsedFeed}. Thread-safe: Rome's input objects are created per call.
 */
public class FeedParser {

    private static final Namespace XML = Namespace.XML_NAMESPACE;
    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");

    /** Entries read from one feed by default; real feeds list 10 to 100. */
    public static final int DEFAULT_MAX_ENTRIES = 1000;

    private final int maxEntries;
    private final JsonFeedParser jsonFeeds;

    public FeedParser() {
        this(DEFAULT_MAX_ENTRIES);
    }

    /** @param maxEntries entries read from one document; the rest are dropped while parsing */
    public FeedParser(int maxEntries) {
        this.maxEntries = maxEntries;
        this.jsonFeeds = new JsonFeedParser(maxEntries);
    }

    /** Entries read from one document. */
    public int maxEntries() {
        return maxEntries;
    }

    /**
     * Parses a feed document.
     *
     * @param body        the bytes as fetched or uploaded
     * @param contentType the HTTP {@code Content-Type}, or {@code null}; its charset wins over the XML prolog
     *                    as RFC 7303 says
     * @param location    where the feed was fetched from, to resolve relative links; may be {@code null}
     * @throws FeedParseException when it is not a feed, with a message fit for an API answer
     */
    public ParsedFeed parse(byte[] body, String contentType, URI location) throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException("the document is empty");
        }
        try {
            return looksLikeJson(body) ? jsonFeeds.parse(body, location) : parseXml(body, contentType, location);
        } catch (RuntimeException e) {
            // Rome and JDOM meet shapes they do not expect with exceptions of their own (an <rss> without a
            // <channel> is a NullPointerException): the document is no readable feed, not a server error.
            throw new FeedParseException("not a readable feed: " + rootMessage(e), e);
        }
    }

    /** True when the first non-blank character (after a BOM) opens a JSON object. */
    static boolean looksLikeJson(byte[] body) {
        int i = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF
                ? 3 : 0;
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        return i < body.length && body[i] == '{';
    }

    private ParsedFeed parseXml(byte[] body, String contentType, URI location) throws FeedParseException {
        FeedLimits limits = new FeedLimits(maxEntries);
        Document document = xmlDocument(body, contentType, limits);
        normalizeAtom(document);
        SyndFeed feed;
        try {
            feed = new SyndFeedInput(false, Locale.ROOT).build(document);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException("not an RSS or Atom feed: " + rootMessage(e), e);
        }

        Element root = document.getRootElement();
        URI base = resolve(location, root.getAttributeValue("base", XML));
        String feedLanguage = blankToNull(feed.getLanguage());
        if (feedLanguage == null) {
            feedLanguage = blankToNull(root.getAttributeValue("lang", XML));
        }
        List<Element> entryElements = entryElements(root);
        List<SyndEntry> syndEntries = feed.getEntries();
        // Rome keeps document order; when the counts agree the elements give xml:base and xml:lang,
        // which Rome drops for entries.
        boolean aligned = entryElements.size() == syndEntries.size();
        List<FeedEntry> entries = new ArrayList<>(syndEntries.size());
        for (int i = 0; i < syndEntries.size(); i++) {
            entries.add(entry(syndEntries.get(i), aligned ? entryElements.get(i) : null, base, feedLanguage));
        }
        return new ParsedFeed(feed.getFeedType(), trim(feed.getTitle()), absolute(feed.getLink(), base),
                feedLanguage, entries, limits.omitted());
    }

    /**
     * Parses the XML with the encoding rules of RFC 7303 (Rome's {@link XmlReader}), its fixer for the HTML
     * entities old RSS feeds use, and no DOCTYPE at all: feeds come from the open web (XXE, entity bombs).
     * {@link FeedLimits} bounds depth and entries while the parser reads.
     */
    private static Document xmlDocument(byte[] body, String contentType, FeedLimits limits) throws FeedParseException {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setXMLFilter(limits);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setExpandEntities(false);
        String type = contentType == null || contentType.isBlank() ? null : contentType;
        try (Reader decoded = new XmlReader(new ByteArrayInputStream(body), type, true);
             Reader reader = needsFixing(body) ? new XmlFixerReader(decoded) : decoded) {
            return builder.build(reader);
        } catch (JDOMParseException e) {
            throw new FeedParseException("not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + rootMessage(e), e);
        } catch (JDOMException | IOException e) {
            throw new FeedParseException("unreadable XML: " + rootMessage(e), e);
        }
    }

    private static final List<String> XML_ENTITIES = List.of("amp;", "lt;", "gt;", "quot;", "apos;");

    /**
     * Whether the document needs Rome's {@link XmlFixerReader}: it starts with blanks, has an {@code &}
     * that starts no XML reference (an HTML entity such as {@code &nbsp;}, or a bare {@code &}), or it is
     * not in an ASCII-compatible encoding, where bytes cannot be scanned so. The fixer reads a character at
     * a time and took 2.5 s for a 10 MB feed that needed no fixing; this scan takes milliseconds.
     */
    static boolean needsFixing(byte[] body) {
        if (body.length >= 2 && ((body[0] & 0xff) >= 0xfe || body[0] == 0 || body[1] == 0)) {
            return true;   // UTF-16 / UTF-32 (a BOM or a zero byte in the first two)
        }
        int first = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB
                && (body[2] & 0xff) == 0xBF ? 3 : 0;
        if (first < body.length && body[first] != '<') {
            return true;   // blanks (or anything) before the first tag
        }
        for (int i = 0; i < body.length; i++) {
            if (body[i] != '&') {
                continue;
            }
            int j = i + 1;
            if (j < body.length && body[j] == '#') {
                int k = j + 1;
                boolean hex = k < body.length && (body[k] == 'x' || body[k] == 'X');
                if (hex) {
                    k++;
                }
                int start = k;
                while (k < body.length && k - start < 8 && (Character.isDigit(body[k])
                        || (hex && Character.digit(body[k], 16) >= 0))) {
                    k++;
                }
                if (k == start || k >= body.length || body[k] != ';') {
                    return true;
                }
                continue;
            }
            boolean known = false;
            for (String entity : XML_ENTITIES) {
                if (startsWith(body, j, entity)) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] body, int at, String ascii) {
        if (at + ascii.length() > body.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (body[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Makes two Atom shapes Rome refuses readable: a document without the Atom namespace (hand-written
     * feeds), and a single entry document (RFC 4287 section 4.1.2), which becomes a feed of one entry.
     */
    private static void normalizeAtom(Document document) {
        Element root = document.getRootElement();
        boolean atomLike = "feed".equals(root.getName()) || "entry".equals(root.getName());
        if (atomLike && root.getNamespace() == Namespace.NO_NAMESPACE) {
            root.setNamespace(ATOM);
            List<Element> plain = new ArrayList<>();
            root.getDescendants(Filters.element(Namespace.NO_NAMESPACE)).forEach(plain::add);
            plain.forEach(e -> e.setNamespace(ATOM));
        }
        if ("entry".equals(root.getName()) && ATOM.equals(root.getNamespace())) {
            Element feed = new Element("feed", ATOM);
            document.setRootElement(feed);
            feed.addContent(root);
        }
    }

    /** The {@code item} / {@code entry} elements in document order, where RSS 0.9x-2.0 and Atom put them. */
    private static List<Element> entryElements(Element root) {
        List<Element> found = new ArrayList<>();
        if ("entry".equals(root.getName())) {
            found.add(root);
            return found;
        }
        for (Element child : root.getChildren()) {
            if (isEntry(child)) {
                found.add(child);
            } else if ("channel".equals(child.getName())) {
                for (Element item : child.getChildren()) {
                    if (isEntry(item)) {
                        found.add(item);
                    }
                }
            }
        }
        return found;
    }

    private static boolean isEntry(Element e) {
        return "item".equals(e.getName()) || "entry".equals(e.getName());
    }

    private static FeedEntry entry(SyndEntry entry, Element element, URI feedBase, String feedLanguage) {
        URI base = element == null ? feedBase : resolve(feedBase, element.getAttributeValue("base", XML));
        String link = absolute(primaryLink(entry), base);
        String content = null;
        for (SyndContent c : entry.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                content = c.getValue().strip();
                break;
            }
        }
        SyndContent description = entry.getDescription();
        String summary = description == null ? null : blankToNull(description.getValue());
        String language = element == null ? null : entryLanguage(element);
        Instant published = instant(entry.getPublishedDate());
        Instant pubDate = element == null ? null : FeedDates.parse(element.getChildTextTrim("pubDate"));
        if (pubDate != null) {
            published = pubDate;
        }
        return new FeedEntry(blankToNull(entry.getUri()), trim(entry.getTitle()), link,
                published, instant(entry.getUpdatedDate()),
                summary == null ? null : summary.strip(), content, language != null ? language : feedLanguage);
    }

    /** {@code xml:lang} of the entry, else of its content, summary or title (Atom puts it there). */
    private static String entryLanguage(Element element) {
        String own = blankToNull(element.getAttributeValue("lang", XML));
        if (own != null) {
            return own;
        }
        for (String name : List.of("content", "summary", "description", "title")) {
            for (Element child : element.getChildren()) {
                if (name.equals(child.getName())) {
                    String lang = blankToNull(child.getAttributeValue("lang", XML));
                    if (lang != null) {
                        return lang;
                    }
                }
            }
        }
        return null;
    }

    private static URI resolve(URI base, String reference) {
        if (reference == null || reference.isBlank()) {
            return base;
        }
        try {
            URI ref = new URI(reference.strip());
            return base == null ? (ref.isAbsolute() ? ref : null) : base.resolve(ref);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return base;
        }
    }

    /**
     * The entry's page: its alternate link, else its first link, else (RSS) a permalink guid, which Rome
     * already put in {@code link}.
     */
    private static String primaryLink(SyndEntry entry) {
        List<SyndLink> links = entry.getLinks();
        if (links != null && !links.isEmpty()) {
            for (SyndLink l : links) {
                if (l.getHref() != null && (l.getRel() == null || "alternate".equals(l.getRel()))) {
                    return l.getHref().strip();
                }
            }
        }
        return blankToNull(entry.getLink() == null ? null : entry.getLink().strip());
    }

    /**
     * Resolves {@code href} against {@code base} and writes scheme and host in lower case and an empty
     * path as {@code /}, as browsers do; leaves it as it is when it is no valid URI reference.
     */
    static String absolute(String href, URI base) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String h = href.strip();
        try {
            URI uri = new URI(h);
            if (!uri.isAbsolute()) {
                if (base == null) {
                    return h;
                }
                uri = base.resolve(uri);
            }
            return normalized(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return h;
        }
    }

    private static String normalized(URI uri) throws URISyntaxException {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawAuthority() == null || uri.getHost() == null
                || !("http".equals(scheme) || "https".equals(scheme))) {
            return uri.toString();
        }
        StringBuilder out = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            out.append(uri.getRawUserInfo()).append('@');
        }
        out.append(uri.getHost().toLowerCase(Locale.ROOT));
        if (uri.getPort() != -1) {
            out.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        if (uri.getRawQuery() != null) {
            out.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            out.append('#').append(uri.getRawFragment());
        }
        return out.toString();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String trim(String s) {
        return s == null ? null : blankToNull(s.strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return message.strip();
    }
}
