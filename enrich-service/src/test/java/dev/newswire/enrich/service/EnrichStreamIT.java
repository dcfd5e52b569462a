package dev.newswire.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.enrich.EnrichmentChain;
import dev.newswire.enrich.dedup.InMemoryNearDuplicateIndex;
import dev.newswire.enrich.extract.NothingExtractableException;
import dev.newswire.enrich.EnrichmentLimits;
import dev.newswire.enrich.service.deadletter.ContentTooLargeException;
import dev.newswire.runtime.stream.MalformedEventException;
import dev.newswire.runtime.stream.UnknownSchemaException;
import dev.newswire.enrich.service.dedup.EnrichedHistory;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.EventHeaders;
import dev.newswire.model.EventLimits;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import dev.newswire.model.Topics;
import dev.newswire.stack.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** The service against a real Kafka broker: raw articles in, enriched articles or dead letters out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "newswire.management.key=" + EnrichStreamIT.OPERATOR_KEY)
class EnrichStreamIT {

    static final String OPERATOR_KEY = "it-operator-key";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PAGE = """
            <html lang="en"><head><title>Harbour ferry returns after winter repairs | Coastal Courier</title>
            <meta property="og:site_name" content="Coastal Courier">
            <meta name="author" content="Mara Lindqvist">
            <meta property="article:published_time" content="2025-03-14T08:30:00+01:00"></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
            <article><h1>Harbour ferry returns after winter repairs</h1>
            <p>The harbour ferry resumed its crossings on Friday morning after four months in dry dock, where
            engineers replaced both engines and rebuilt the passenger deck, the operator said.</p>
            <p>Commuters who had relied on a replacement bus service during the winter welcomed the return,
            saying the crossing cuts their journey to the city centre by almost half an hour each way.</p>
            <p>The operator expects the new engines to use a fifth less fuel, and plans to add an evening
            crossing on weekdays from the start of the summer timetable in June.</p></article>
            <footer>Subscribe to our newsletter. Cookie settings. All rights reserved.</footer></body></html>
            """;

    private static final List<ConsumerRecord<byte[], byte[]>> enriched = new CopyOnWriteArrayList<>();
    private static final List<ConsumerRecord<byte[], byte[]>> deadLetters = new CopyOnWriteArrayList<>();
    private static KafkaProducer<byte[], byte[]> producer;
    private static Thread reader;
    private static volatile boolean reading = true;

    @Autowired
    JsonMapper json;

    @Autowired
    InMemoryNearDuplicateIndex index;

    @Autowired
    EnrichedHistory history;

    @Value("${spring.cloud.stream.kafka.binder.producer-properties.max.request.size}")
    String outputMaxRequestSize;

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", TestInfrastructure::kafkaBootstrapServers);
    }

    @BeforeAll
    static void connect() {
        String servers = TestInfrastructure.kafkaBootstrapServers();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, EventLimits.MAX_RECORD_BYTES),
                new ByteArraySerializer(), new ByteArraySerializer());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "enrich-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        reader = new Thread(() -> {
            try (consumer) {
                consumer.subscribe(List.of(Topics.ENRICHED, Topics.RAW_DLQ));
                while (reading) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        (r.topic().equals(Topics.ENRICHED) ? enriched : deadLetters).add(r);
                    }
                }
            }
        }, "it-reader");
        reader.start();
    }

    @AfterAll
    static void close() throws InterruptedException {
        reading = false;
        reader.join(5000);
        producer.close();
    }

    @Test
    void rawArticleComesOutEnrichedWithTheSameKeyAndSchemaHeader() throws Exception {
        String id = "it-" + UUID.randomUUID();
        send(id, json.writeValueAsBytes(raw(id, PAGE)));

        ConsumerRecord<byte[], byte[]> out = await().atMost(TIMEOUT).until(() -> find(enriched, id), r -> r != null);
        EnrichedArticle article = json.readValue(out.value(), EnrichedArticle.class);
        assertThat(article.id()).isEqualTo(id);
        assertThat(article.title()).isEqualTo("Harbour ferry returns after winter repairs");
        assertThat(article.byline()).isEqualTo("Mara Lindqvist");
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-03-14T07:30:00Z"));
        assertThat(article.body().split("\n\n")).hasSize(3);
        assertThat(article.body()).startsWith("The harbour ferry resumed").doesNotContain("newsletter", "Sport");
        assertThat(article.enricherVersion()).isEqualTo(EnrichmentChain.VERSION);
        assertThat(header(out, EventHeaders.SCHEMA)).isEqualTo(EnrichedArticle.SCHEMA);
        assertThat(new String(out.value(), StandardCharsets.UTF_8)).contains("\"publishedAt\":\"2025-03-14T07:30:00Z\"");
    }

    @Test
    void theSamePageAgainUnderAnotherIdIsANearDuplicateOfTheFirst() throws Exception {
        String first = "it-first-" + UUID.randomUUID();
        String again = "it-again-" + UUID.randomUUID();
        send(first, json.writeValueAsBytes(raw(first, PAGE)));
        ConsumerRecord<byte[], byte[]> one = await().atMost(TIMEOUT).until(() -> find(enriched, first), r -> r != null);
        send(again, json.writeValueAsBytes(raw(again, PAGE.replace("Mara Lindqvist", "Staff reporter"))));
        ConsumerRecord<byte[], byte[]> two = await().atMost(TIMEOUT).until(() -> find(enriched, again), r -> r != null);

        EnrichedArticle original = json.readValue(one.value(), EnrichedArticle.class);
        EnrichedArticle copy = json.readValue(two.value(), EnrichedArticle.class);
        // The other tests enrich the same page too: the copy points at one of the earlier ones.
        assertThat(copy.simhash()).isEqualTo(original.simhash());
        assertThat(copy.duplicateOf()).isNotNull().isNotEqualTo(again);
        assertThat(find(enriched, copy.duplicateOf())).isNotNull();
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("newswire_enrich_near_duplicates_total", "newswire_enrich_dedup_index_size");
    }

    @Test
    void theServiceStartedWithTheEnrichedArticlesOnTheTopicAndKeepsReadingThoseOfOtherInstances() throws Exception {
        assertThat(history.caughtUp()).isTrue();
        String elsewhere = "it-elsewhere-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topics.ENRICHED, elsewhere.getBytes(StandardCharsets.UTF_8),
                ("{\"id\":\"" + elsewhere + "\",\"simhash\":\"00000000ffffffff\"}").getBytes(StandardCharsets.UTF_8))).get();
        await().atMost(TIMEOUT).until(() -> index.contains(elsewhere));
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextGoodOneStillFlows() throws Exception {
        String badId = "it-bad-" + UUID.randomUUID();
        String emptyId = "it-empty-" + UUID.randomUUID();
        String goodId = "it-good-" + UUID.randomUUID();
        send(badId, "{\"id\": \"x\", \"content\": <not json".getBytes(StandardCharsets.UTF_8));
        send(emptyId, json.writeValueAsBytes(raw(emptyId, "<html><body><nav><a href='/'>Home</a></nav></body></html>")));
        send(goodId, json.writeValueAsBytes(raw(goodId, PAGE)));

        ConsumerRecord<byte[], byte[]> bad = await().atMost(TIMEOUT).until(() -> find(deadLetters, badId), r -> r != null);
        assertThat(new String(bad.value(), StandardCharsets.UTF_8)).isEqualTo("{\"id\": \"x\", \"content\": <not json");
        assertThat(header(bad, EventHeaders.DLQ_EXCEPTION_CLASS)).isEqualTo(MalformedEventException.class.getName());
        assertThat(header(bad, EventHeaders.DLQ_EXCEPTION_MESSAGE)).startsWith("not a RawArticle/v1 event");
        assertThat(header(bad, EventHeaders.DLQ_ORIGINAL_TOPIC)).isEqualTo(Topics.RAW);
        assertThat(ByteBuffer.wrap(bad.headers().lastHeader(EventHeaders.DLQ_ORIGINAL_PARTITION).value()).getInt())
                .isGreaterThanOrEqualTo(0);
        assertThat(ByteBuffer.wrap(bad.headers().lastHeader(EventHeaders.DLQ_ORIGINAL_OFFSET).value()).getLong())
                .isGreaterThanOrEqualTo(0);

        ConsumerRecord<byte[], byte[]> empty = await().atMost(TIMEOUT).until(() -> find(deadLetters, emptyId), r -> r != null);
        assertThat(header(empty, EventHeaders.DLQ_EXCEPTION_CLASS)).isEqualTo(NothingExtractableException.class.getName());
        assertThat(header(empty, EventHeaders.DLQ_EXCEPTION_MESSAGE)).contains(emptyId);

        ConsumerRecord<byte[], byte[]> good = await().atMost(TIMEOUT).until(() -> find(enriched, goodId), r -> r != null);
        assertThat(json.readValue(good.value(), EnrichedArticle.class).language()).isEqualTo("en");
        assertThat(find(enriched, badId)).isNull();
    }

    @Test
    void aPageOfOneHugeWordIsDeadLetteredCutToTheLimitWithItsReasonAndTheNextArticleStillFlows() throws Exception {
        String poisonId = "it-word-" + UUID.randomUUID();
        String nextId = "it-after-word-" + UUID.randomUUID();
        byte[] poison = json.writeValueAsBytes(raw(poisonId, "<html><body><p>" + "a".repeat(1_100_000) + "</p></body></html>"));
        send(poisonId, poison);
        long sent = System.nanoTime();
        send(nextId, json.writeValueAsBytes(raw(nextId, PAGE)));

        await().atMost(Duration.ofSeconds(30)).until(() -> find(enriched, nextId) != null);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(30));
        ConsumerRecord<byte[], byte[]> dead = await().atMost(TIMEOUT).until(() -> find(deadLetters, poisonId), r -> r != null);
        assertThat(poison.length).isGreaterThan(EventLimits.MAX_DEAD_LETTER_VALUE_BYTES);
        assertThat(dead.value()).hasSize(EventLimits.MAX_DEAD_LETTER_VALUE_BYTES)
                .isEqualTo(Arrays.copyOf(poison, EventLimits.MAX_DEAD_LETTER_VALUE_BYTES));
        assertThat(header(dead, EventHeaders.DLQ_TRUNCATED)).isEqualTo("true");
        assertThat(header(dead, EventHeaders.DLQ_ORIGINAL_SIZE)).isEqualTo(Integer.toString(poison.length));
        assertThat(header(dead, EventHeaders.DLQ_EXCEPTION_CLASS)).isEqualTo(NothingExtractableException.class.getName());
        assertThat(header(dead, EventHeaders.DLQ_EXCEPTION_MESSAGE)).contains(poisonId);
        assertThat(header(dead, EventHeaders.DLQ_ORIGINAL_TOPIC)).isEqualTo(Topics.RAW);
        assertThat(find(enriched, poisonId)).isNull();
    }

    @Test
    void aLongValidArticleIsEnrichedWithItsBodyBoundedAndTheNextArticleStillFlows() throws Exception {
        String longId = "it-long-" + UUID.randomUUID();
        String nextId = "it-after-long-" + UUID.randomUUID();
        String paragraph = "<p>" + "日本政府は十四日、米国と中国の軍事対話について東京で会議を開き、防衛省の担当者が説明した。".repeat(30) + "</p>\n";
        String page = "<html lang=\"ja\"><head><title>長い記事</title></head><body><article>"
                + paragraph.repeat(600) + "</article></body></html>";
        byte[] value = json.writeValueAsBytes(raw(longId, page));
        send(longId, value);
        send(nextId, json.writeValueAsBytes(raw(nextId, PAGE)));

        ConsumerRecord<byte[], byte[]> out = await().atMost(TIMEOUT).until(() -> find(enriched, longId), r -> r != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> find(enriched, nextId) != null);
        EnrichedArticle article = json.readValue(out.value(), EnrichedArticle.class);
        assertThat(page.length()).isGreaterThan(800_000);
        assertThat(value.length).isGreaterThan(2_000_000);
        assertThat(article.language()).isEqualTo("ja");
        assertThat(article.body().length()).isLessThanOrEqualTo(EnrichmentLimits.MAX_BODY_CHARS)
                .isGreaterThan(EnrichmentLimits.MAX_BODY_CHARS - paragraph.length());
        assertThat(article.entities()).allSatisfy(e ->
                assertThat(e.mentions()).hasSizeLessThanOrEqualTo(EnrichmentLimits.MAX_MENTIONS_PER_ENTITY));
        assertThat(out.serializedValueSize()).isLessThan(EventLimits.MAX_RECORD_BYTES / 2);
    }

    @Test
    void aRecordOfAnotherSchemaIsDeadLetteredWithItsReason() throws Exception {
        String id = "it-schema-" + UUID.randomUUID();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.RAW, id.getBytes(StandardCharsets.UTF_8),
                json.writeValueAsBytes(raw(id, PAGE)));
        record.headers().add(new RecordHeader(EventHeaders.SCHEMA, "RawArticle/v2".getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();

        ConsumerRecord<byte[], byte[]> dead = await().atMost(TIMEOUT).until(() -> find(deadLetters, id), r -> r != null);
        assertThat(header(dead, EventHeaders.DLQ_EXCEPTION_CLASS)).isEqualTo(UnknownSchemaException.class.getName());
        assertThat(header(dead, EventHeaders.DLQ_EXCEPTION_MESSAGE))
                .isEqualTo("unknown schema 'RawArticle/v2': this service reads RawArticle/v1");
        assertThat(header(dead, EventHeaders.DLQ_TRUNCATED)).isNull();
        assertThat(find(enriched, id)).isNull();
    }

    @Test
    void invalidUtf8AndContentOverTheIngestLimitAreDeadLetteredWithTheirReasons() throws Exception {
        String badBytesId = "it-utf8-" + UUID.randomUUID();
        String hugeId = "it-huge-" + UUID.randomUUID();
        byte[] valid = json.writeValueAsBytes(raw(badBytesId, PAGE));
        byte[] invalid = Arrays.copyOf(valid, valid.length);
        int at = new String(valid, StandardCharsets.UTF_8).indexOf("harbour ferry resumed");
        invalid[at] = (byte) 0xC3;
        invalid[at + 1] = (byte) 0x28;
        send(badBytesId, invalid);
        String content = "<p>" + "word ".repeat(RawArticle.MAX_CONTENT_CHARS / 5 + 1) + "</p>";
        byte[] huge = json.writeValueAsBytes(raw(hugeId, content));
        send(hugeId, huge);

        ConsumerRecord<byte[], byte[]> bad = await().atMost(TIMEOUT).until(() -> find(deadLetters, badBytesId), r -> r != null);
        assertThat(header(bad, EventHeaders.DLQ_EXCEPTION_CLASS)).isEqualTo(MalformedEventException.class.getName());
        assertThat(header(bad, EventHeaders.DLQ_EXCEPTION_MESSAGE)).startsWith("not a RawArticle/v1 event").contains("UTF-8");
        assertThat(bad.value()).isEqualTo(invalid);
        ConsumerRecord<byte[], byte[]> tooLarge = await().atMost(TIMEOUT).until(() -> find(deadLetters, hugeId), r -> r != null);
        assertThat(header(tooLarge, EventHeaders.DLQ_EXCEPTION_CLASS)).isEqualTo(ContentTooLargeException.class.getName());
        assertThat(header(tooLarge, EventHeaders.DLQ_EXCEPTION_MESSAGE))
                .isEqualTo("article " + hugeId + ": content of " + content.length()
                        + " characters, over the limit of " + RawArticle.MAX_CONTENT_CHARS);
        assertThat(tooLarge.value()).hasSize(EventLimits.MAX_DEAD_LETTER_VALUE_BYTES);
        assertThat(header(tooLarge, EventHeaders.DLQ_ORIGINAL_SIZE)).isEqualTo(Integer.toString(huge.length));
    }

    @Test
    void aRecordWithoutAValueIsDeadLetteredWithItsReasonAndTheNextArticleStillFlows() throws Exception {
        String emptyId = "it-tombstone-" + UUID.randomUUID();
        String nextId = "it-after-tombstone-" + UUID.randomUUID();
        send(emptyId, null);
        send(nextId, json.writeValueAsBytes(raw(nextId, PAGE)));

        await().atMost(Duration.ofSeconds(30)).until(() -> find(enriched, nextId) != null);
        ConsumerRecord<byte[], byte[]> dead = await().atMost(TIMEOUT).until(() -> find(deadLetters, emptyId), r -> r != null);
        assertThat(header(dead, EventHeaders.DLQ_EXCEPTION_CLASS)).isEqualTo(MalformedEventException.class.getName());
        assertThat(header(dead, EventHeaders.DLQ_EXCEPTION_MESSAGE)).isEqualTo("not a RawArticle/v1 event: no value");
    }

    @Test
    void theOutputProducerTakesRecordsAsLargeAsEveryTopic() {
        assertThat(outputMaxRequestSize).isEqualTo(Integer.toString(EventLimits.MAX_RECORD_BYTES));
    }

    @Test
    void healthShowsItsStatusToAnyoneAndItsComponentsOnlyWithTheOperatorKey() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        HttpResponse<String> open = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongKey = http.send(HttpRequest.newBuilder(uri).header("X-API-Key", "guess").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> keyed = http.send(HttpRequest.newBuilder(uri).header("X-API-Key", OPERATOR_KEY).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(json.readTree(open.body()).get("status").asString()).isEqualTo("UP");
        assertThat(json.readTree(open.body()).has("components")).isFalse();
        assertThat(json.readTree(wrongKey.body()).has("components")).isFalse();
        assertThat(keyed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(keyed.body()).get("components").has("diskSpace")).isTrue();
    }

    @Test
    void prometheusIsOpenAndEveryOtherManagementEndpointIsRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/info", "/")) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-API-Key", OPERATOR_KEY).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
        }
    }

    private static RawArticle raw(String id, String html) {
        return new RawArticle(id, "https://courier.example/2025/03/14/ferry", "https://courier.example/2025/03/14/ferry",
                "courier", null, Instant.now(), null, "text/html", html, null, null, null, IngestMethod.PAGE);
    }

    private static void send(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.RAW, key.getBytes(StandardCharsets.UTF_8), value)).get();
    }

    private static ConsumerRecord<byte[], byte[]> find(List<ConsumerRecord<byte[], byte[]>> records, String key) {
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if (r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                return r;
            }
        }
        return null;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
