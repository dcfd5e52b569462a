package dev.newswire.stack;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.EventHeaders;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

/** The embedded servers are real: a RawArticle travels through Kafka, a document is indexed and found. */
class InfrastructureIT {

    // jackson-datatype-jsr310 is not on this module's classpath (Jackson comes with the broker's jars):
    // ISO-8601 strings, as the event contract says, through a two-line module.
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new SimpleModule()
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new FromStringDeserializer<>(Instant.class) {
                        @Override
                        protected Instant _deserialize(String value, DeserializationContext ctxt) {
                            return Instant.parse(value);
                        }
                    }))
            .build();

    @Test
    void rawArticleTravelsThroughTheRealBroker() throws Exception {
        String topic = "it-raw-" + UUID.randomUUID();
        String url = "https://example.com/news/" + UUID.randomUUID();
        RawArticle article = new RawArticle(ArticleIds.forUrl(url), url, ArticleIds.canonicalize(url), "it",
                "Integration", Instant.parse("2026-11-26T00:00:00Z"), null, "text/plain", "米中 軍事対話",
                null, null, "ja", IngestMethod.PUSH);

        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, article.id(), json.writeValueAsString(article));
            record.headers().add(EventHeaders.SCHEMA, RawArticle.SCHEMA.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }

        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }

        assertThat(received).hasSize(1);
        ConsumerRecord<String, String> got = received.get(0);
        assertThat(got.key()).isEqualTo(article.id());
        assertThat(new String(got.headers().lastHeader(EventHeaders.SCHEMA).value(), StandardCharsets.UTF_8))
                .isEqualTo(RawArticle.SCHEMA);
        assertThat(json.readValue(got.value(), RawArticle.class)).isEqualTo(article);
    }

    @Test
    void documentIsIndexedAndFoundThroughTheJavaClient() throws Exception {
        String index = "it-" + UUID.randomUUID();
        try (RestClient rest = RestClient.builder(HttpHost.create(TestInfrastructure.elasticsearchUrl())).build();
             RestClientTransport transport = new RestClientTransport(rest, new JacksonJsonpMapper())) {
            ElasticsearchClient client = new ElasticsearchClient(transport);
            client.index(i -> i.index(index).id("a1").document(Map.of("title", "US China military dialogue resumes"))
                    .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
            client.index(i -> i.index(index).id("a2").document(Map.of("title", "Trade talks in Geneva"))
                    .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));

            @SuppressWarnings("rawtypes")
            SearchResponse<Map> found = client.search(s -> s.index(index)
                    .query(q -> q.match(m -> m.field("title").query("military dialogue"))), Map.class);

            assertThat(found.hits().hits()).extracting(h -> h.id()).containsExactly("a1");
            assertThat(client.cluster().health().numberOfNodes()).isEqualTo(1);
        }
    }
}
