package dev.newswire.ingest.feed;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Bounds a feed document while it is parsed, before any tree holds it: elements nested deeper than
 * {@link #MAX_DEPTH} fail the parse (a deep document would otherwise overflow the stack of the tree code),
 * and the entries ({@code item}, {@code entry}) past {@code maxEntries} are dropped with everything in
 * them, so that a feed of 100,000 items costs the memory of {@code maxEntries}.
 */
final class FeedLimits extends XMLFilterImpl {

    /** Deepest element nesting read; real feeds stay under 10 (XHTML content included, about 20). */
    static final int MAX_DEPTH = 64;

    private final int maxEntries;
    private int depth;
    private int entries;
    private int skippingFrom = -1;
    private int omitted;

    FeedLimits(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** Entries dropped over the cap. */
    int omitted() {
        return omitted;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        depth++;
        if (depth > MAX_DEPTH) {
            throw new SAXException("the document nests elements deeper than " + MAX_DEPTH + " levels");
        }
        if (skippingFrom >= 0) {
            return;
        }
        String name = localName == null || localName.isEmpty() ? qName : localName;
        // rss/channel/item, rdf:RDF/item and feed/entry: entries sit at depth 2 or 3.
        if (depth <= 3 && ("item".equals(name) || "entry".equals(name)) && ++entries > maxEntries) {
            skippingFrom = depth;
            omitted++;
            return;
        }
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (skippingFrom >= 0) {
            if (depth == skippingFrom) {
                skippingFrom = -1;
            }
            depth--;
            return;
        }
        depth--;
        super.endElement(uri, localName, qName);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skippingFrom < 0) {
            super.characters(ch, start, length);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        if (skippingFrom < 0) {
            super.ignorableWhitespace(ch, start, length);
        }
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        if (skippingFrom < 0) {
            super.processingInstruction(target, data);
        }
    }
}
