package dev.newswire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.ingest.support.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parser against feed-rs's real-world and spec feeds ({@code ../shared/eval/feeds-feedrs}): each
 * {@code X.serde.json} holds what feed-rs read from {@code X.xml} / {@code X.json}.
 */
class FeedParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final FeedParser parser = new FeedParser();

    static Stream<Path> groundTruths() throws IOException {
        Path dir = SharedData.require("eval/feeds-feedrs");
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".serde.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groundTruths")
    void parsesTitlesLinksDatesAndLanguagesLikeTheGroundTruth(Path truthFile) throws Exception {
        JsonNode truth = JSON.readTree(truthFile.toFile());
        byte[] document = Files.readAllBytes(feedFileOf(truthFile));
        ParsedFeed feed = parser.parse(document, null, null);

        List<JsonNode> expected = new ArrayList<>();
        truth.get("entries").forEach(expected::add);
        assertThat(feed.entries()).as("entries").hasSize(expected.size());
        SoftAssertions softly = new SoftAssertions();
        // feed-rs ignores xml:lang on an RSS root element; Newswire takes it as the feed's language.
        String feedLanguage = text(truth.get("language")) != null ? text(truth.get("language"))
                : rootXmlLang(document);
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            FeedEntry got = feed.entries().get(i);
            softly.assertThat(got.title()).as("entry %d title", i).isEqualTo(title(want));
            // Where an RSS item has no <link>, its permalink <guid> is its page (RSS 2.0 spec); feed-rs gives no link.
            String link = firstLink(want) != null || !text(truth.get("feed_type")).startsWith("RSS") ? firstLink(want)
                    : permalinkGuid(want);
            softly.assertThat(got.link()).as("entry %d link", i).isEqualTo(link);
            softly.assertThat(got.date()).as("entry %d date (UTC)", i).isEqualTo(date(want));
            String language = text(want.get("language")) != null ? text(want.get("language")) : feedLanguage;
            softly.assertThat(primary(got.language())).as("entry %d language", i).isEqualTo(primary(language));
        }
        softly.assertAll();
    }

    @Test
    void rejectsTheTruncatedFeedNamingTheProblem() {
        Path invalid = SharedData.require("eval/feeds-feedrs/rss2/rss_2.0_invalid_1.xml");
        assertThatThrownBy(() -> parser.parse(Files.readAllBytes(invalid), "application/rss+xml", null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("not well-formed XML at line ");
    }

    @Test
    void rejectsXmlThatIsNoFeed() {
        Path catalog = SharedData.require("eval/feeds-feedrs/xml/xml_sample_1.xml");
        assertThatThrownBy(() -> parser.parse(Files.readAllBytes(catalog), "application/xml", null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("not an RSS or Atom feed");
    }

    @Test
    void rejectsJsonThatIsNoJsonFeed() {
        assertThatThrownBy(() -> parser.parse("{\"items\": []}".getBytes(), "application/json", null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("not a JSON Feed");
    }

    @Test
    void refusesDoctypesSoNoExternalEntityIsEverRead() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>").getBytes();
        assertThatThrownBy(() -> parser.parse(xxe, null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    private static Path feedFileOf(Path truthFile) {
        String name = truthFile.getFileName().toString().replace(".serde.json", "");
        Path xml = truthFile.resolveSibling(name + ".xml");
        return Files.exists(xml) ? xml : truthFile.resolveSibling(name + ".json");
    }

    private static String title(JsonNode entry) {
        JsonNode title = entry.get("title");
        return title == null || title.isNull() ? null : text(title.get("content")) == null ? null
                : text(title.get("content")).strip();
    }

    private static String firstLink(JsonNode entry) {
        JsonNode links = entry.get("links");
        return links == null || links.isEmpty() ? null : text(links.get(0).get("href"));
    }

    private static String permalinkGuid(JsonNode entry) {
        String id = text(entry.get("id"));
        return id != null && id.startsWith("http") ? id : null;
    }

    private static String rootXmlLang(byte[] document) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(?:rss|rdf:RDF|feed)\\b[^>]*xml:lang=\"([^\"]+)\"")
                .matcher(new String(document, java.nio.charset.StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1) : null;
    }

    private static Instant date(JsonNode entry) {
        String published = text(entry.get("published"));
        String updated = text(entry.get("updated"));
        String date = published != null ? published : updated;
        return date == null ? null : Instant.parse(date);
    }

    /** ISO 639 primary subtag, lower case: the part of a language tag that Newswire keeps. */
    private static String primary(String tag) {
        return tag == null ? null : tag.split("[-_]")[0].toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
