package dev.newswire.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.ingest.support.ApiClient;
import dev.newswire.ingest.support.ApiClient.Answer;
import dev.newswire.stack.KafkaServer;
import dev.newswire.stack.ManagedProcess;
import dev.newswire.stack.Ports;
import dev.newswire.stack.StackArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * When the broker does not acknowledge, a push is answered 503 with Retry-After, never a silent 202.
 * This test has a real broker of its own (not the shared one of TestInfrastructure) because it stops it:
 * the service starts against it, then the broker goes away, as in an outage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class KafkaUnavailableIT {

    private static ManagedProcess broker;
    private static Path brokerDir;

    private static final String KEY = "it-key-" + UUID.randomUUID();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        brokerDir = Files.createTempDirectory("ingest-outage-kafka-");
        KafkaServer server = new KafkaServer(Ports.free(), Ports.free(), brokerDir, "256m");
        broker = server.start(StackArtifacts.load(), false, Duration.ofSeconds(120));
        registry.add("spring.cloud.stream.kafka.binder.brokers", server::bootstrapServers);
        // The producer's own verdict within 3 s instead of 30 s.
        registry.add("spring.cloud.stream.kafka.binder.producer-properties.delivery.timeout.ms", () -> "3000");
        registry.add("spring.cloud.stream.kafka.binder.producer-properties.request.timeout.ms", () -> "1000");
        registry.add("spring.cloud.stream.kafka.binder.producer-properties.max.block.ms", () -> "3000");
        registry.add("newswire.api.key", () -> KEY);
        registry.add("newswire.sources.polling-enabled", () -> "false");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.stop(Duration.ofSeconds(10));
        FileSystemUtils.deleteRecursively(brokerDir);
    }

    @Test
    void answers503WithRetryAfterWhenKafkaDoesNotAcknowledge() throws Exception {
        ApiClient api = new ApiClient(port, KEY);
        Answer before = api.post("/api/v1/articles", "application/json",
                "{\"url\": \"https://news.example/stored\", \"content\": \"Stored while the broker is up.\"}");
        assertThat(before.status()).isEqualTo(202);

        broker.stop(Duration.ofSeconds(10));
        Answer answer = api.post("/api/v1/articles", "application/json",
                "{\"url\": \"https://news.example/unacknowledged\", \"content\": \"Nobody will store this.\"}");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("https://newswire.dev/problems/publish-failed");
        assertThat(answer.json().get("acknowledged")).isEmpty();
        assertThat(answer.json().get("detail").asString()).contains("not acknowledged by Kafka");
        assertThat(answer.header("Retry-After")).isEqualTo("5");
    }
}
