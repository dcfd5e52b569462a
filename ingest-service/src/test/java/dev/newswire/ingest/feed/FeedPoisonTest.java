package dev.newswire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Feed documents made to hurt: each is refused with a clear message or read within its bounds. */
class FeedPoisonTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void billionLaughsIsRefusedWithoutExpandingAnything() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
                <rss version="2.0"><channel><title>&d;</title><item><title>x</title></item></channel></rss>
                """;

        assertThatThrownBy(() -> parser.parse(utf8(bomb), "application/rss+xml", null))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void anExternalEntityIsNeverRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&secret;</title></channel></rss>
                """;

        assertThatThrownBy(() -> parser.parse(utf8(xxe), "application/rss+xml", null))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("DOCTYPE")
                .message().doesNotContain("root:");
    }

    @Test
    void aFeedOf100000ItemsIsReadUpToTheCap() throws Exception {
        StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>Huge</title>");
        for (int i = 0; i < 100_000; i++) {
            rss.append("<item><title>t").append(i).append("</title><link>https://news.example/").append(i)
                    .append("</link></item>");
        }
        rss.append("</channel></rss>");

        ParsedFeed feed = parser.parse(utf8(rss.toString()), "application/rss+xml", null);

        assertThat(feed.entries()).hasSize(FeedParser.DEFAULT_MAX_ENTRIES);
        assertThat(feed.omitted()).isEqualTo(100_000 - FeedParser.DEFAULT_MAX_ENTRIES);
        assertThat(feed.entries().get(999).link()).isEqualTo("https://news.example/999");
    }

    @Test
    void anAtomFeedOverTheCapKeepsItsFirstEntries() throws Exception {
        StringBuilder atom = new StringBuilder("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>");
        for (int i = 0; i < 5; i++) {
            atom.append("<entry><id>e").append(i).append("</id><title>t").append(i)
                    .append("</title><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>p</p>")
                    .append("</div></content></entry>");
        }
        atom.append("</feed>");

        ParsedFeed feed = new FeedParser(3).parse(utf8(atom.toString()), "application/atom+xml", null);

        assertThat(feed.entries()).extracting(FeedEntry::id).containsExactly("e0", "e1", "e2");
        assertThat(feed.omitted()).isEqualTo(2);
    }

    @Test
    void deepXmlIsRefusedAsNoFeed() {
        String deep = "<rss version=\"2.0\"><channel><item><description>" + "<a>".repeat(100_000)
                + "</a>".repeat(100_000) + "</description></item></channel></rss>";

        assertThatThrownBy(() -> parser.parse(utf8(deep), "application/rss+xml", null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("the document nests elements deeper than 64 levels");
    }

    @Test
    void deepJsonIsRefusedAsNoFeed() {
        String deep = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"x\": "
                + "[".repeat(100_000) + "]".repeat(100_000) + "}]}";

        assertThatThrownBy(() -> parser.parse(utf8(deep), "application/feed+json", null))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("nesting depth");
    }

    @Test
    void aJsonFeedOf100000ItemsIsReadUpToTheCap() throws Exception {
        StringBuilder json = new StringBuilder("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [");
        for (int i = 0; i < 100_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\": \"").append(i).append("\", \"content_text\": \"x\"}");
        }
        json.append("]}");

        ParsedFeed feed = parser.parse(utf8(json.toString()), "application/feed+json", null);

        assertThat(feed.entries()).hasSize(FeedParser.DEFAULT_MAX_ENTRIES);
        assertThat(feed.omitted()).isEqualTo(100_000 - FeedParser.DEFAULT_MAX_ENTRIES);
    }

    @Test
    void aMegabyteEntryIdIsRememberedByItsHash() {
        FeedEntry entry = new FeedEntry("x".repeat(1 << 20), null, null, null, null, null, "c", null);

        assertThat(entry.dedupKey()).startsWith("sha256:").hasSizeLessThan(100);
    }

    @Test
    void onlyDocumentsWithHtmlEntitiesBareAmpersandsOrLeadingBlanksGoThroughTheSlowFixer() {
        assertThat(FeedParser.needsFixing(utf8("<rss>&amp; &lt; &#233; &#xE9; &quot;</rss>"))).isFalse();
        assertThat(FeedParser.needsFixing(utf8("<rss>&nbsp;</rss>"))).isTrue();
        assertThat(FeedParser.needsFixing(utf8("<rss>AT&T</rss>"))).isTrue();
        assertThat(FeedParser.needsFixing(utf8("<rss>&#;</rss>"))).isTrue();
        assertThat(FeedParser.needsFixing(utf8("  <?xml version=\"1.0\"?><rss/>"))).isTrue();
        assertThat(FeedParser.needsFixing("<rss/>".getBytes(StandardCharsets.UTF_16))).isTrue();
    }

    @Test
    void htmlEntitiesOfOldRssAreStillRead() throws Exception {
        ParsedFeed feed = parser.parse(utf8("<rss version=\"2.0\"><channel><title>A&nbsp;B &eacute; AT&T</title>"
                + "</channel></rss>"), "application/rss+xml", null);

        assertThat(feed.title()).isEqualTo("A\u00a0B é AT&T");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
