package dev.newswire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Feed parsing under random input: real feeds ({@code ../shared/eval/feeds-feedrs} when present, a few
 * built-in ones always) with random bytes changed, inserted, deleted or cut off, and generated XML and JSON
 * of feed-like shape. Whatever arrives, the parser returns a feed or a {@link FeedParseException}, within
 * a bound, and never anything else.
 */
class FeedParserFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final List<byte[]> SEEDS = seeds();
    private final FeedParser parser = new FeedParser(50);

    @Property(tries = 300)
    void aMutatedRealFeedIsReadOrRefusedCleanly(@ForAll("mutatedFeeds") byte[] body,
                                               @ForAll("contentTypes") String contentType) {
        assertParsesOrRefuses(body, contentType);
    }

    @Property(tries = 200)
    void generatedXmlIsReadOrRefusedCleanly(@ForAll("xmlDocuments") String xml) {
        assertParsesOrRefuses(xml.getBytes(StandardCharsets.UTF_8), "application/xml");
    }

    @Property(tries = 200)
    void generatedJsonIsReadOrRefusedCleanly(@ForAll("jsonDocuments") String json) {
        assertParsesOrRefuses(json.getBytes(StandardCharsets.UTF_8), "application/feed+json");
    }

    @Property(tries = 200)
    void arbitraryBytesAreRefusedCleanly(@ForAll byte[] body) {
        assertParsesOrRefuses(body, null);
    }

    private void assertParsesOrRefuses(byte[] body, String contentType) {
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                ParsedFeed feed = parser.parse(body, contentType, null);
                assertThat(feed.entries()).hasSizeLessThanOrEqualTo(50);
                feed.entries().forEach(FeedEntry::dedupKey);
            } catch (FeedParseException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        });
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of(null, "application/rss+xml", "application/atom+xml; charset=ISO-8859-1",
                "text/xml; charset=UTF-16", "application/feed+json", "text/html; charset=bogus");
    }

    @Provide
    Arbitrary<byte[]> mutatedFeeds() {
        Arbitrary<Integer> seed = Arbitraries.integers().between(0, SEEDS.size() - 1);
        Arbitrary<List<int[]>> edits = Combinators.combine(Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(0, 255))
                .as((kind, at, value) -> new int[] {kind, at, value}).list().ofMaxSize(8);
        return Combinators.combine(seed, edits).as((s, e) -> mutate(SEEDS.get(s), e));
    }

    private static byte[] mutate(byte[] seed, List<int[]> edits) {
        List<Byte> bytes = new ArrayList<>(seed.length);
        for (byte b : seed) {
            bytes.add(b);
        }
        for (int[] edit : edits) {
            int at = bytes.isEmpty() ? 0 : edit[1] % bytes.size();
            switch (edit[0]) {
                case 0 -> {
                    if (!bytes.isEmpty()) {
                        bytes.set(at, (byte) edit[2]);
                    }
                }
                case 1 -> bytes.add(at, (byte) edit[2]);
                case 2 -> {
                    if (!bytes.isEmpty()) {
                        bytes.remove(at);
                    }
                }
                default -> bytes.subList(at, bytes.size()).clear();
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    @Provide
    Arbitrary<String> xmlDocuments() {
        return element(4).map(body -> (body.startsWith("<rss") || body.startsWith("<feed") ? "" : "<rss>") + body);
    }

    private Arbitrary<String> element(int depth) {
        Arbitrary<String> name = Arbitraries.of("rss", "channel", "item", "entry", "feed", "title", "link", "guid",
                "description", "content", "pubDate", "updated", "id", "summary", "x:y");
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(20)
                .map(s -> s.replace("&", "&amp;").replace("<", "&lt;"));
        Arbitrary<String> attrs = Arbitraries.of("", " xml:base=\"http://a/\"", " xml:lang=\"ja\"",
                " href=\"https://news.example/x\"", " xmlns=\"http://www.w3.org/2005/Atom\"", " type=\"xhtml\"");
        if (depth == 0) {
            return text;
        }
        Arbitrary<String> children = Arbitraries.oneOf(text, element(depth - 1)).list().ofMaxSize(4)
                .map(list -> String.join("", list));
        return Combinators.combine(name, attrs, children).as((n, a, c) -> "<" + n + a + ">" + c + "</" + n + ">");
    }

    @Provide
    Arbitrary<String> jsonDocuments() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"")
                        + "\""),
                Arbitraries.of("null", "1", "-0.5e3", "true", "[]", "{}", "\"https://news.example/a\"",
                        "\"2025-11-20T10:00:00Z\"", "\"Thu, 20 Nov 2025 10:00:00 GMT\"", "[1,", "{\"a\""));
        Arbitrary<String> field = Combinators.combine(Arbitraries.of("id", "url", "external_url", "title",
                "content_html", "content_text", "summary", "date_published", "date_modified", "language"), value)
                .as((k, v) -> "\"" + k + "\": " + v);
        Arbitrary<String> item = field.list().ofMaxSize(6).map(f -> "{" + String.join(", ", f) + "}");
        Arbitrary<String> items = Arbitraries.oneOf(item, value).list().ofMaxSize(5)
                .map(i -> "[" + String.join(", ", i) + "]");
        return Combinators.combine(Arbitraries.of("\"https://jsonfeed.org/version/1.1\"", "\"1\"", "3"), items,
                value).as((v, i, t) -> "{\"version\": " + v + ", \"title\": " + t + ", \"items\": " + i + "}");
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>A</title>"
                + "<link>https://news.example/a</link><pubDate>Thu, 20 Nov 2025 10:00:00 GMT</pubDate>"
                + "<description>&lt;p&gt;x&lt;/p&gt;</description></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8));
        seeds.add(("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\"><title>F</title><entry><id>e</id>"
                + "<title>軍事対話</title><link href=\"/a\"/><updated>2025-11-20T10:00:00Z</updated>"
                + "<content type=\"html\">&lt;p&gt;本文&lt;/p&gt;</content></entry></feed>")
                .getBytes(StandardCharsets.UTF_8));
        seeds.add(("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"J\", \"items\": [{\"id\": 1,"
                + " \"url\": \"https://news.example/j\", \"content_text\": \"x\"}]}").getBytes(StandardCharsets.UTF_8));
        Path dir = Path.of("..", "..", "shared", "eval", "feeds-feedrs");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".xml") || f.toString().endsWith(".json")
                        && !f.toString().endsWith(".serde.json")).sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    if (bytes.length < 256 * 1024) {
                        seeds.add(bytes);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }
}
