package dev.newswire.cli.stack;

import dev.newswire.model.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A snapshot of the local stack: each part's health, and what flows through it (topic end offsets,
 * consumer lag per group, dead letters, indexed documents).
 */
record StackStatus(List<PartStatus> parts, Map<String, Long> topicEndOffsets, Map<String, Double> topicRates,
                   Map<String, Long> consumerLag, Long indexedDocuments, List<String> problems) {

    /** Rates are the growth of the end offsets over this window. */
    static final Duration RATE_WINDOW = Duration.ofSeconds(2);

    static final List<String> TOPICS = List.of(Topics.RAW, Topics.ENRICHED, Topics.RAW_DLQ, Topics.ENRICHED_DLQ);
    static final Map<String, String> GROUPS = Map.of(Topics.ENRICH_GROUP, Topics.RAW, Topics.INDEXER_GROUP, Topics.ENRICHED);

    record PartStatus(String name, String url, Long pid, boolean healthy) {
    }

    boolean allHealthy() {
        return parts.stream().allMatch(PartStatus::healthy);
    }

    long deadLetters() {
        return topicEndOffsets.getOrDefault(Topics.RAW_DLQ, 0L) + topicEndOffsets.getOrDefault(Topics.ENRICHED_DLQ, 0L);
    }

    static StackStatus read(LocalStack stack) {
        List<PartStatus> parts = new ArrayList<>();
        for (Part part : stack.all()) {
            Long pid = stack.running(part).map(p -> p.pid()).orElse(null);
            parts.add(new PartStatus(part.name(), part.url(), pid, part.healthy()));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Long> ends = new LinkedHashMap<>();
        Map<String, Double> rates = new LinkedHashMap<>();
        Map<String, Long> lag = new LinkedHashMap<>();
        boolean kafkaUp = parts.stream().anyMatch(p -> p.name().equals("kafka") && p.healthy());
        if (kafkaUp) {
            readKafka("127.0.0.1:" + stack.layout().ports().kafka(), ends, rates, lag, problems);
        }
        Long indexed = null;
        boolean esUp = parts.stream().anyMatch(p -> p.name().equals("elasticsearch") && p.healthy());
        if (esUp) {
            indexed = countDocuments("http://127.0.0.1:" + stack.layout().ports().elasticsearch(), problems);
        }
        return new StackStatus(parts, ends, rates, lag, indexed, problems);
    }

    private static void readKafka(String bootstrap, Map<String, Long> ends, Map<String, Double> rates,
                                  Map<String, Long> lag, List<String> problems) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
        try (Admin admin = Admin.create(props)) {
            var existing = admin.listTopics().names().get(8, TimeUnit.SECONDS);
            List<String> topics = TOPICS.stream().filter(existing::contains).toList();
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                    .get(8, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            descriptions.values().forEach(d -> d.partitions().forEach(p ->
                    latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> before =
                    admin.listOffsets(latest).all().get(8, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            Thread.sleep(RATE_WINDOW.toMillis());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                    admin.listOffsets(latest).all().get(8, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (String topic : TOPICS) {
                long end = sum(offsets, topic);
                ends.put(topic, end);
                rates.put(topic, (end - sum(before, topic)) / seconds);
            }
            for (var group : GROUPS.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get(8, TimeUnit.SECONDS);
                long groupLag = 0;
                for (var end : offsets.entrySet()) {
                    if (end.getKey().topic().equals(group.getValue())) {
                        OffsetAndMetadata c = committed.get(end.getKey());
                        groupLag += end.getValue().offset() - (c == null ? 0 : c.offset());
                    }
                }
                lag.put(group.getKey(), groupLag);
            }
        } catch (Exception e) {
            problems.add("Kafka: " + e.getMessage());
        }
    }

    private static long sum(Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets, String topic) {
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

    private static Long countDocuments(String url, List<String> problems) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(url + "/news/_count")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return 0L;
            }
            Matcher m = COUNT.matcher(response.body());
            return m.find() ? Long.parseLong(m.group(1)) : null;
        } catch (IOException e) {
            problems.add("Elasticsearch: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
