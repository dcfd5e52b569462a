package dev.newswire.cli.dlq;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.cli.stack.StackLayout;
import dev.newswire.model.EventHeaders;
import dev.newswire.runtime.stream.KafkaClients;
import dev.newswire.runtime.stream.TopicReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newswire dlq list|replay TOPIC}: inspect dead letters and re-drive them after a fix. */
@Command(name = "dlq", description = "Inspect dead letters and re-drive them after a fix.",
        subcommands = {DlqCommand.ListDeadLetters.class, DlqCommand.ReplayDeadLetters.class})
public final class DlqCommand {

    /** Shared options: where Kafka is. */
    static class KafkaOptions {
        @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers (default: the local stack's).")
        String bootstrapServers;

        String bootstrap() {
            if (bootstrapServers != null) {
                return bootstrapServers;
            }
            String env = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            return env != null && !env.isBlank() ? env : "127.0.0.1:" + StackLayout.current().ports().kafka();
        }
    }

    @Command(name = "list", description = "Print the dead letters of TOPIC (e.g. news.raw.v1.dlq) with their reasons.")
    static final class ListDeadLetters implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "TOPIC", description = "A dead-letter topic, e.g. news.raw.v1.dlq.")
        String topic;

        @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--json", description = "One JSON object per line.")
        boolean json;

        @picocli.CommandLine.Mixin
        KafkaOptions kafka;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            ObjectMapper mapper = new ObjectMapper();
            int shown = 0;
            try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka.bootstrap(), null)) {
                List<ConsumerRecord<byte[], byte[]>> records = readAll(consumer, topic, limit);
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    Map<String, Object> row = describe(r);
                    if (json) {
                        out.println(mapper.writeValueAsString(row));
                    } else {
                        out.printf("%s-%d@%d key=%s%n  error:  %s: %s%n  from:   %s-%s@%s%n  value:  %s%n",
                                r.topic(), r.partition(), r.offset(), row.get("key"), row.get("errorClass"),
                                row.get("errorMessage"), row.get("originalTopic"), row.get("originalPartition"),
                                row.get("originalOffset"), row.get("valuePreview"));
                    }
                    shown++;
                }
            }
            if (!json) {
                out.println(shown == 0 ? "No dead letters in " + topic + "." : shown + " dead letter(s) in " + topic + ".");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "replay", description = "Re-publish the dead letters of TOPIC to their original topic. "
            + "Progress is kept in consumer group newswire-dlq-replay, so a dead letter is re-driven once.")
    static final class ReplayDeadLetters implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "TOPIC", description = "A dead-letter topic, e.g. news.raw.v1.dlq.")
        String topic;

        @Option(names = "--dry-run", description = "Show what would be re-driven, publish nothing.")
        boolean dryRun;

        @picocli.CommandLine.Mixin
        KafkaOptions kafka;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            int replayed = 0;
            try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka.bootstrap(), "newswire-dlq-replay");
                 KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(
                         KafkaClients.producerSettings(kafka.bootstrap(), null))) {
                List<ConsumerRecord<byte[], byte[]>> records = readAll(consumer, topic, Integer.MAX_VALUE);
                Map<TopicPartition, OffsetAndMetadata> done = new LinkedHashMap<>();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    String target = DeadLetters.originalTopic(r);
                    if (target == null) {
                        out.printf("skipped %s-%d@%d: no original topic%n", r.topic(), r.partition(), r.offset());
                        continue;
                    }
                    if (!dryRun) {
                        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(target, null, r.key(), r.value());
                        for (Header h : r.headers()) {
                            if (!DeadLetters.FAILURE_HEADERS.contains(h.key())) {
                                again.headers().add(h);
                            }
                        }
                        // Wait for the broker's ack before moving on: a re-drive that is not acknowledged is not done.
                        producer.send(again).get(30, TimeUnit.SECONDS);
                        done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                    }
                    replayed++;
                    out.printf("%s %s-%d@%d -> %s%n", dryRun ? "would re-drive" : "re-driven", r.topic(),
                            r.partition(), r.offset(), target);
                }
                if (!dryRun && !done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
            out.println(replayed + " dead letter(s) " + (dryRun ? "would be " : "") + "re-driven from " + topic + ".");
            out.flush();
            return 0;
        }
    }

    static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String group) {
        Map<String, Object> props = KafkaClients.consumerSettings(bootstrap, null);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return KafkaClients.consumer(props);
    }

    /**
     * Everything in {@code topic} from the group's committed position (or the beginning) up to the end
     * offsets seen at the start: records that arrive meanwhile wait for the next run.
     */
    static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaConsumer<byte[], byte[]> consumer,
                                                                 String topic, int limit) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        if (partitions.isEmpty()) {
            return out;
        }
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            if (c == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, c.offset());
            }
        }
        if (limit > 0) {
            TopicReader.readToEnd(consumer, Duration.ofSeconds(30), r -> out.add(r) && out.size() < limit);
        }
        return out;
    }

    static Map<String, Object> describe(ConsumerRecord<byte[], byte[]> r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("topic", r.topic());
        row.put("partition", r.partition());
        row.put("offset", r.offset());
        row.put("timestamp", Instant.ofEpochMilli(r.timestamp()).toString());
        row.put("key", r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8));
        row.put("errorClass", DeadLetters.text(r, EventHeaders.DLQ_EXCEPTION_CLASS));
        row.put("errorMessage", DeadLetters.text(r, EventHeaders.DLQ_EXCEPTION_MESSAGE));
        row.put("originalTopic", DeadLetters.originalTopic(r));
        row.put("originalPartition", DeadLetters.number(r, EventHeaders.DLQ_ORIGINAL_PARTITION));
        row.put("originalOffset", DeadLetters.number(r, EventHeaders.DLQ_ORIGINAL_OFFSET));
        String value = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
        row.put("valuePreview", value.length() > 160 ? value.substring(0, 160) + "…" : value);
        return row;
    }
}
