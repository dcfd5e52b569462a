package dev.newswire.ingest.feed;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads JSON Feed 1.0 and 1.1 (jsonfeed.org) with Jackson. */
class JsonFeedParser {

    /** Nesting deeper than this is no feed (a JSON Feed is four levels deep). */
    static final int MAX_DEPTH = 64;

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build()).build();

    private final int maxEntries;

    JsonFeedParser(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    ParsedFeed parse(byte[] body, URI location) throws FeedParseException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new FeedParseException("malformed JSON: " + e.getOriginalMessage(), e);
        }
        String version = text(root, "version");
        if (version == null || !version.contains("jsonfeed.org/version/")) {
            throw new FeedParseException("not a JSON Feed: no \"version\" naming https://jsonfeed.org/version/…");
        }
        JsonNode items = root.get("items");
        if (items == null || !items.isArray()) {
            throw new FeedParseException("not a JSON Feed: \"items\" must be an array");
        }
        URI base = location;
        String home = FeedParser.absolute(text(root, "home_page_url"), base);
        String feedLanguage = text(root, "language");
        List<FeedEntry> entries = new ArrayList<>(Math.min(items.size(), maxEntries));
        int index = 0;
        for (JsonNode item : items) {
            if (index == maxEntries) {
                break;
            }
            if (!item.isObject()) {
                throw new FeedParseException("not a JSON Feed: items[" + index + "] is not an object");
            }
            String link = FeedParser.absolute(text(item, "url"), base);
            if (link == null) {
                link = FeedParser.absolute(text(item, "external_url"), base);
            }
            String language = text(item, "language");
            String html = text(item, "content_html");
            entries.add(new FeedEntry(idOf(item), trim(text(item, "title")), link,
                    date(item, "date_published"), date(item, "date_modified"),
                    text(item, "summary"), html != null ? html : text(item, "content_text"),
                    language != null ? language : feedLanguage));
            index++;
        }
        return new ParsedFeed("json_feed_" + version.substring(version.lastIndexOf('/') + 1),
                trim(text(root, "title")), home, feedLanguage, entries, Math.max(0, items.size() - maxEntries));
    }

    /** JSON Feed ids are strings, but numbers are common in the wild. */
    private static String idOf(JsonNode item) {
        JsonNode id = item.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        return id.isString() || id.isNumber() ? id.asString() : null;
    }

    /** RFC 3339 as the spec says, or the RFC 822 dates that RSS habits put there; no date when unreadable. */
    private static Instant date(JsonNode item, String field) {
        return FeedDates.parse(text(item, field));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
