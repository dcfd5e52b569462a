package dev.newswire.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.enrich.EnrichmentChain;
import dev.newswire.enrich.dedup.InMemoryNearDuplicateIndex;
import dev.newswire.enrich.extract.NothingExtractableException;
import dev.newswire.enrich.service.deadletter.MalformedEventException;
import dev.newswire.enrich.service.dedup.EnrichedHistory;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.EventHeaders;
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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnrichStreamIT {

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
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
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
    void actuatorServesHealthAndPrometheusMetrics() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
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
