package dev.newswire.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller), run from the {@code kafka_2.13}
 * jars Maven resolved, in a JVM of its own.
 *
 * @param port           client port (PLAINTEXT listener)
 * @param controllerPort KRaft controller port
 * @param dir            working directory: config, data ({@code data/}) and log ({@code kafka.log})
 * @param heap           JVM heap, e.g. {@code 512m}
 */
public record KafkaServer(int port, int controllerPort, Path dir, String heap) {

    public static final String READY_LINE = "Kafka Server started";

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logFile() {
        return dir.resolve("kafka.log");
    }

    /** Formats the storage on first use, starts the broker and waits until it serves clients. */
    public ManagedProcess start(StackArtifacts artifacts, boolean detached, Duration timeout) {
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "the Kafka controller");
        Path config = writeConfig();
        Path data = dir.resolve("data");
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(artifacts, config);
        }
        ManagedProcess process = ManagedProcess.start("Kafka", List.of(ManagedProcess.java(),
                        "-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-Djava.awt.headless=true",
                        "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                        "-cp", artifacts.kafkaClasspath(), "kafka.Kafka", config.toString()),
                Map.of(), dir, logFile(), detached);
        process.awaitReady(() -> process.logSinceStartContains(READY_LINE) && Ports.isOpen(port), timeout);
        return process;
    }

    private void format(StackArtifacts artifacts, Path config) {
        String clusterId = newClusterId();
        Path formatLog = dir.resolve("format.log");
        ProcessBuilder builder = new ProcessBuilder(ManagedProcess.java(), "-Xmx256m",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp", artifacts.kafkaClasspath(), "kafka.tools.StorageTool", "format",
                "-t", clusterId, "-c", config.toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(formatLog.toFile()));
        try {
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new StackException("formatting Kafka storage timed out:\n" + ManagedProcess.tail(formatLog, 20));
            }
            if (process.exitValue() != 0) {
                throw new StackException("formatting Kafka storage failed:\n" + ManagedProcess.tail(formatLog, 20));
            }
        } catch (IOException e) {
            throw new StackException("cannot run the Kafka storage tool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while formatting Kafka storage", e);
        }
    }

    private Path writeConfig() {
        try {
            Files.createDirectories(dir.resolve("data"));
            Path config = dir.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                    "log.dirs=" + dir.resolve("data"),
                    "num.partitions=3",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=3",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=true",
                    // Raw pages up to the ingest API's cap (2 MiB of characters, UTF-8) fit in one record.
                    "message.max.bytes=8388608",
                    // A single local broker: keep segments small so a long-running dev stack stays small on disk.
                    "log.segment.bytes=67108864",
                    "log.retention.hours=168",
                    ""));
            Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                    "status = error",
                    "appender.out.type = Console",
                    "appender.out.name = OUT",
                    "appender.out.layout.type = PatternLayout",
                    "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                    "rootLogger.level = INFO",
                    "rootLogger.appenderRef.out.ref = OUT",
                    // The broker's request and state-change chatter would dwarf everything else.
                    "logger.requests.name = kafka.request.logger",
                    "logger.requests.level = WARN",
                    "logger.state.name = state.change.logger",
                    "logger.state.level = WARN",
                    ""));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Kafka config in " + dir, e);
        }
    }

    /**
     * A random cluster id as Kafka writes them (16 bytes, URL-safe base64). Like Kafka's own
     * {@code Uuid.randomUuid()}, never one starting with '-': the storage tool's argument parser would
     * take it for an option (seen in CI: "argument --cluster-id/-t: expected one argument").
     */
    static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
