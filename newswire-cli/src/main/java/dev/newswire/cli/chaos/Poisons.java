package dev.newswire.cli.chaos;

import static dev.newswire.cli.chaos.Outcome.CAPPED;
import static dev.newswire.cli.chaos.Outcome.DEAD_LETTERED;
import static dev.newswire.cli.chaos.Outcome.INDEXED;
import static dev.newswire.cli.chaos.Outcome.REFUSED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.EventLimits;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import dev.newswire.model.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The poison the suite feeds the stack, in the order it is fed: first what the ingest API must refuse at the
 * door, then what it fetches from the hostile {@link TestSite}, then pages it takes and the later stages must
 * survive, and last records written straight to the topics, which only the stages' own guards can stop.
 */
final class Poisons {

    /** How long one request may take before the suite calls it unanswered. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

    private static final Set<Outcome> HANDLED_IN_PIPELINE = Set.of(INDEXED, DEAD_LETTERED);

    private final IngestApi api;
    private final Pipeline pipeline;
    private final TestSite site;
    private final String runId;
    private final Path sharedDir;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    Poisons(IngestApi api, Pipeline pipeline, TestSite site, String runId, Path sharedDir) {
        this.api = api;
        this.pipeline = pipeline;
        this.site = site;
        this.runId = runId;
        this.sharedDir = sharedDir;
    }

    List<Poison> all() {
        List<Poison> p = new ArrayList<>();
        // At the door: the API must refuse these, with a problem naming the reason.
        for (String path : List.of("/%61pi/v1/articles", "/api;x/v1/articles", "/api/v1/%61rticles", "//api/v1/articles")) {
            p.add(new Poison("no key on " + path, "auth bypass", Set.of(REFUSED), () -> Poison.Sent.answer(
                    api.raw("POST", path, List.of("Content-Type: application/json"), null,
                            articleJson("auth" + path.hashCode()), REQUEST_TIMEOUT))));
        }
        p.add(new Poison("malformed JSON", "malformed JSON", Set.of(REFUSED), () -> Poison.Sent.answer(
                api.post("/api/v1/articles", "application/json",
                        ("{\"url\": \"" + url("malformed") + "\", \"content\": \"cut off").getBytes(StandardCharsets.UTF_8),
                        Map.of(), REQUEST_TIMEOUT))));
        p.add(new Poison("JSON nested 100,000 deep", "deep nesting (JSON)", Set.of(REFUSED), () -> Poison.Sent.answer(
                api.post("/api/v1/articles", "application/json",
                        ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8), Map.of(),
                        REQUEST_TIMEOUT))));
        p.add(new Poison("invalid UTF-8 in a pushed article", "invalid UTF-8", Set.of(REFUSED), () -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("{\"url\": \"" + url("invalid-utf8") + "\", \"content\": \"Caf").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
            body.writeBytes(" and a paragraph of news about the city council.\"}".getBytes(StandardCharsets.UTF_8));
            return Poison.Sent.answer(api.post("/api/v1/articles", "application/json", body.toByteArray(), Map.of(),
                    REQUEST_TIMEOUT));
        }));
        p.add(new Poison("100 MB article in a chunked push body", "streaming push body", Set.of(REFUSED),
                () -> Poison.Sent.answer(api.postChunked("/api/v1/articles", "application/json", endlessArticle(100L << 20),
                        REQUEST_TIMEOUT))));
        p.add(new Poison("10 MB pushed page", "10 MB page", Set.of(REFUSED), () -> Poison.Sent.answer(
                api.post("/api/v1/pages?url=" + enc(url("page-10mb")), "text/html", TestSite.tenMegabytePage(), Map.of(),
                        REQUEST_TIMEOUT))));
        p.add(new Poison("pushed page, invalid byte in its meta charset", "charset with an invalid byte",
                Set.of(REFUSED, INDEXED, DEAD_LETTERED), () -> {
                    ByteArrayOutputStream page = new ByteArrayOutputStream();
                    page.writeBytes("<html><head><meta charset=\"utf".getBytes(StandardCharsets.ISO_8859_1));
                    page.write(0xFF);
                    page.writeBytes(("-8\"><title>Charset</title></head><body><article>" + paragraphs(12)
                            + "</article></body></html>").getBytes(StandardCharsets.UTF_8));
                    return Poison.Sent.answer(api.post("/api/v1/pages?url=" + enc(url("charset")), "text/html",
                            page.toByteArray(), Map.of(), REQUEST_TIMEOUT));
                }));
        // Fetched from elsewhere: the fetcher must refuse these.
        p.add(new Poison("fetch of a link-local address", "SSRF", Set.of(REFUSED), () -> fetchPage(
                "http://169.254.169.254/latest/meta-data/")));
        p.add(new Poison("redirect to a link-local address", "SSRF", Set.of(REFUSED), () -> fetchPage(
                site.url("/redirect-link-local.html"))));
        p.add(new Poison("gzip bomb (512 MiB inflated)", "gzip bomb", Set.of(REFUSED, DEAD_LETTERED), () -> fetchPage(
                site.url("/gzip-bomb.html"))));
        p.add(new Poison("never-ending response", "never-ending response", Set.of(REFUSED), () -> fetchPage(
                site.url("/never-ending.html"))));
        p.add(new Poison("10 MB fetched page", "10 MB page", Set.of(REFUSED), () -> fetchPage(
                site.url("/page-10mb.html"))));
        p.add(new Poison("fetched page, invalid byte in its charset header", "charset with an invalid byte",
                Set.of(REFUSED, INDEXED, DEAD_LETTERED), () -> fetchPage(site.url("/bad-charset.html"))));
        p.add(new Poison("feed with entity expansion", "XML entity expansion", Set.of(REFUSED, INDEXED, DEAD_LETTERED),
                () -> fetchFeed(site.url("/billion-laughs.xml"))));
        p.add(new Poison("one byte a second", "slow-drip response", Set.of(REFUSED), () -> fetchPage(
                site.url("/slow-drip.html"))));
        // Straight to the topics: only the stages' own guards stop these.
        p.add(new Poison("RawArticle/v9 on " + Topics.RAW, "unknown schema version", Set.of(DEAD_LETTERED),
                () -> direct(Topics.RAW, "schema-raw", "RawArticle/v9", rawJson("schema-raw", paragraphs(8)))));
        p.add(new Poison("EnrichedArticle/v9 on " + Topics.ENRICHED, "unknown schema version", Set.of(DEAD_LETTERED),
                () -> direct(Topics.ENRICHED, "schema-enriched", "EnrichedArticle/v9", enrichedJson("schema-enriched"))));
        p.add(new Poison("invalid UTF-8 on " + Topics.RAW, "invalid UTF-8", Set.of(DEAD_LETTERED), () -> {
            byte[] value = rawJson("utf8-raw", paragraphs(4));
            byte[] broken = new byte[value.length + 4];
            System.arraycopy(value, 0, broken, 0, 20);
            broken[20] = (byte) 0xFF;
            broken[21] = (byte) 0xFE;
            broken[22] = (byte) 0xC3;
            broken[23] = (byte) 0x28;
            System.arraycopy(value, 20, broken, 24, value.length - 20);
            return direct(Topics.RAW, "utf8-raw", RawArticle.SCHEMA, broken);
        }));
        // Taken by the API: the enrichment and the indexer must get through them.
        p.add(new Poison("JSON-LD articleBody of whitespace runs", "JSON-LD whitespace runs", HANDLED_IN_PIPELINE,
                () -> uploadPage("jsonld", jsonLdWhitespace())));
        p.add(new Poison("20,000 nested divs", "20,000 nested divs", HANDLED_IN_PIPELINE, () -> uploadPage(
                "nested", "<html><head><title>Nested</title></head><body>" + "<div>".repeat(20_000) + paragraphs(6)
                        + "</div>".repeat(20_000) + "</body></html>")));
        p.add(new Poison("page whose text is one 1 MB word", "1 MB single word", HANDLED_IN_PIPELINE, () -> uploadPage(
                "one-word", "<html><head><title>One word</title></head><body><p>" + "a".repeat(1024 * 1024)
                        + "</p></body></html>")));
        p.add(new Poison("2.4 MB Japanese article", "2.4 MB Japanese page", Set.of(INDEXED), () -> uploadPage(
                "japanese", japanesePage(2_400_000))));
        p.add(new Poison("malformed record of 8 MiB on " + Topics.RAW, "record at the size limit", Set.of(DEAD_LETTERED),
                () -> direct(Topics.RAW, "limit-raw", RawArticle.SCHEMA, nearLimitGarbage())));
        p.add(new Poison("malformed record of 8 MiB on " + Topics.ENRICHED, "record at the size limit", Set.of(DEAD_LETTERED),
                () -> direct(Topics.ENRICHED, "limit-enriched", EnrichedArticle.SCHEMA, nearLimitGarbage())));
        p.add(new Poison("7 MB article straight on " + Topics.RAW, "record that outgrows the limit", HANDLED_IN_PIPELINE,
                () -> direct(Topics.RAW, "outgrow", RawArticle.SCHEMA, rawJson("outgrow", longEnglishText(7_000_000)))));
        // Last: on a stack that takes every item, it floods the pipeline for a long time.
        p.add(new Poison("feed of 100,000 items", "feed of 100k items", Set.of(REFUSED, CAPPED),
                () -> fetchFeed(site.url("/feed-100k.xml"))));
        return p;
    }

    String url(String name) {
        return "https://chaos.newswire.test/" + runId + "/poison/" + name;
    }

    /** The id of a record written straight to a topic: as the ingest-service would give its URL. */
    String directId(String name) {
        return ArticleIds.forUrl(url(name));
    }

    private Poison.Sent fetchPage(String url) {
        return Poison.Sent.answer(api.post("/api/v1/pages", "application/json",
                ("{\"url\": \"" + url + "\"}").getBytes(StandardCharsets.UTF_8), Map.of(), REQUEST_TIMEOUT));
    }

    private Poison.Sent fetchFeed(String url) {
        return Poison.Sent.answer(api.post("/api/v1/feeds", "application/json",
                ("{\"url\": \"" + url + "\"}").getBytes(StandardCharsets.UTF_8), Map.of(), REQUEST_TIMEOUT));
    }

    private Poison.Sent uploadPage(String name, String html) {
        return Poison.Sent.answer(api.post("/api/v1/pages?url=" + enc(url(name)) + "&source=chaos", "text/html; charset=utf-8",
                html.getBytes(StandardCharsets.UTF_8), Map.of(), REQUEST_TIMEOUT));
    }

    private Poison.Sent direct(String topic, String name, String schema, byte[] value) throws Exception {
        String id = directId(name);
        pipeline.send(topic, id, value, schema);
        return Poison.Sent.record(id);
    }

    private byte[] articleJson(String name) {
        return ("{\"url\": \"" + url(name) + "\", \"content\": \"" + paragraphs(2).replace("<p>", "").replace("</p>", " ")
                + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] rawJson(String name, String content) throws IOException {
        Instant now = Instant.now();
        return json.writeValueAsBytes(new RawArticle(directId(name), url(name), url(name), "chaos", "Newswire fault suite",
                now, now, "text/plain", content, null, null, "en", IngestMethod.PUSH));
    }

    private byte[] enrichedJson(String name) throws IOException {
        Instant now = Instant.now();
        return json.writeValueAsBytes(new EnrichedArticle(directId(name), url(name), url(name), "chaos",
                "Newswire fault suite", IngestMethod.PUSH, now, "A record of an unknown version", null, List.of(), now, "en",
                "Its body.", "Its body.", List.of(), List.of(), List.of(), "0", null, now, "chaos"));
    }

    /** A value just under the record limit that is no JSON at all, and does not compress. */
    private static byte[] nearLimitGarbage() {
        byte[] value = new byte[EventLimits.MAX_RECORD_BYTES - 4096];
        java.util.Random random = new java.util.Random(16);
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) ('!' + random.nextInt(90));
        }
        value[0] = '{';
        return value;
    }

    /**
     * A push-API array of one article whose content never ends, {@code bytes} long, produced as it is sent: only a
     * limit on the bytes read stops it (one on the items of a batch never comes into play).
     */
    private static InputStream endlessArticle(long bytes) {
        byte[] head = "[{\"url\": \"https://chaos.newswire.test/stream\", \"content\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] words = "news of the day ".getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            long sent;

            @Override
            public int read() {
                if (sent >= bytes) {
                    return -1;
                }
                long i = sent++;
                return i < head.length ? head[(int) i] : words[(int) ((i - head.length) % words.length)];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= bytes) {
                    return -1;
                }
                int n = (int) Math.min(len, bytes - sent);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        };
    }

    private static String paragraphs(int n) {
        String[] sentences = {
                "The city council approved the new transport budget on Tuesday after a long debate.",
                "Officials said the plan would add bus routes to the northern districts by next spring.",
                "Opposition members argued that the cost estimates were too optimistic.",
                "The mayor, Anna Keller, promised a public review of the contracts before the end of the year.",
        };
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append("<p>").append(sentences[i % sentences.length]).append(' ')
                    .append(sentences[(i + 1) % sentences.length]).append("</p>");
        }
        return s.toString();
    }

    private static String longEnglishText(int chars) {
        StringBuilder s = new StringBuilder(chars + 200);
        String paragraph = "Officials from Washington and Beijing met in Geneva on Monday, where Secretary Pete Hegseth "
                + "and General Dong Jun discussed military communication channels with the United Nations. ";
        while (s.length() < chars) {
            s.append(paragraph).append(s.length() % 5 == 0 ? "\n\n" : "");
        }
        return s.toString();
    }

    private String jsonLdWhitespace() {
        StringBuilder body = new StringBuilder("Officials met.");
        for (int i = 0; i < 40; i++) {
            body.append(" ".repeat(16_384)).append("\\n\\t ".repeat(2048)).append("word").append(i);
        }
        return "<html><head><title>JSON-LD</title><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                + "\"@type\":\"NewsArticle\",\"headline\":\"Whitespace\",\"articleBody\":\"" + body
                + "\"}</script></head><body><article>" + paragraphs(3) + "</article></body></html>";
    }

    /** A long Japanese article: real sentences (the Japanese NER set beside the checkout) in paragraphs. */
    private String japanesePage(int bytes) throws IOException {
        List<String> sentences = new ArrayList<>();
        Path file = sharedDir.resolve("eval/ner-ja-stockmark/ner-dev.json");
        if (Files.isRegularFile(file)) {
            for (JsonNode s : json.readTree(file.toFile())) {
                sentences.add(s.path("text").asText());
            }
        }
        if (sentences.isEmpty()) {
            sentences.add("米国と中国の国防当局は、軍事対話の再開について協議したと発表した。");
            sentences.add("会談はワシントンで行われ、双方は偶発的な衝突を避けるための連絡体制を確認した。");
        }
        StringBuilder page = new StringBuilder("<html lang=\"ja\"><head><meta charset=\"utf-8\"><title>長い記事</title></head>"
                + "<body><article><h1>長い記事</h1>");
        int i = 0;
        int size = page.length() * 3;
        while (size < bytes) {
            StringBuilder p = new StringBuilder("<p>");
            for (int k = 0; k < 5; k++) {
                p.append(sentences.get(i++ % sentences.size()));
            }
            p.append("</p>\n");
            page.append(p);
            size += p.toString().getBytes(StandardCharsets.UTF_8).length;
        }
        return page.append("</article></body></html>").toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The canary: a short news article that must stay searchable within seconds while poison flows. */
    ObjectNode canary(String url) {
        ObjectNode a = json.createObjectNode();
        a.put("url", url);
        a.put("title", "Canary " + url.substring(url.lastIndexOf('/') + 1));
        a.put("content", paragraphs(6).replace("<p>", "").replace("</p>", "\n\n"));
        a.put("source", "chaos");
        a.put("language", "en");
        return a;
    }
}
