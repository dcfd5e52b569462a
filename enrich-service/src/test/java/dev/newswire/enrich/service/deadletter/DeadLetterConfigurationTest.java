package dev.newswire.enrich.service.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.extract.NothingExtractableException;
import dev.newswire.runtime.stream.UnknownSchemaException;
import java.util.Map;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.FixedBackOff;

class DeadLetterConfigurationTest {

    /** The handler the configuration installs on a container (built, never started: no broker needed). */
    private static DefaultErrorHandler handler() {
        ContainerProperties properties = new ContainerProperties("news.raw.v1");
        properties.setMessageListener((MessageListener<byte[], byte[]>) record -> { });
        KafkaMessageListenerContainer<byte[], byte[]> container = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(Map.of()), properties);
        new DeadLetterConfiguration().deadLetterCustomizer("localhost:1")
                .configure(container, "news.raw.v1", "enrich-service", null, new FixedBackOff(1000, 7));
        return (DefaultErrorHandler) container.getCommonErrorHandler();
    }

    @Test
    void anOutputTooLargeForTheBrokerAndEveryPermanentFailureAreDeadLetteredAtOnceWhileATimeoutIsRetried() {
        DefaultErrorHandler handler = handler();

        // removeClassification answers the classification it removes: false = not retryable.
        assertThat(handler.removeClassification(RecordTooLargeException.class)).isFalse();
        assertThat(handler.removeClassification(NothingExtractableException.class)).isFalse();
        assertThat(handler.removeClassification(UnknownSchemaException.class)).isFalse();
        assertThat(handler.removeClassification(ContentTooLargeException.class)).isFalse();
        assertThat(handler.removeClassification(TimeoutException.class)).isNull();
    }

    @Test
    void theDeadLetterNamesThePermanentFailureInTheCauseChainElseTheRootCause() {
        assertThat(DeadLetterConfiguration.failure(new RuntimeException("wrapper", new UnknownSchemaException("v2"))))
                .isInstanceOf(UnknownSchemaException.class);
        assertThat(DeadLetterConfiguration.failure(new RuntimeException("send failed",
                new RuntimeException("inner", new RecordTooLargeException("9 MB"))))).isInstanceOf(RecordTooLargeException.class);
    }
}
