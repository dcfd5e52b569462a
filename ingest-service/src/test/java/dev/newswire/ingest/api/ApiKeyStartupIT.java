package dev.newswire.ingest.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.ingest.IngestApplication;
import dev.newswire.stack.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The service as a whole refuses to start with the key that .env.example holds. */
class ApiKeyStartupIT {

    @Test
    void theServiceDoesNotStartWithTheExampleKey() throws Exception {
        String example = Files.readAllLines(Path.of("..", ".env.example")).stream()
                .filter(l -> l.startsWith("NEWSWIRE_API_KEY=")).findFirst().orElseThrow()
                .substring("NEWSWIRE_API_KEY=".length());

        assertThatThrownBy(() -> new SpringApplicationBuilder(IngestApplication.class).run(
                "--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--newswire.api.key=" + example,
                "--newswire.sources.polling-enabled=false",
                "--newswire.sources.topic=key-startup-it.sources").close())
                .satisfies(e -> Assertions.assertThat(rootCause(e)).isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("the API key is the example value of .env.example or another "
                                + "placeholder: set NEWSWIRE_API_KEY"));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
