package dev.newswire.enrich.service.deadletter;

import dev.newswire.enrich.extract.NothingExtractableException;
import dev.newswire.model.EventHeaders;
import dev.newswire.model.EventLimits;
import dev.newswire.model.Topics;
import dev.newswire.runtime.stream.KafkaClients;
import dev.newswire.runtime.stream.MalformedEventException;
import dev.newswire.runtime.stream.PermanentFailure;
import dev.newswire.runtime.stream.UnknownSchemaException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Failures of the consumer: permanent ones ({@link PermanentFailure}, {@link NothingExtractableException},
 * and an output the broker refuses as too large or that cannot be serialised) go to the dead-letter
 * topic ({@code dlq-name} in application.yml) at once; anything else (a broker that does not
 * acknowledge the output, a timeout) is retried with exponential back-off, as the binding's
 * {@code back-off-*} properties set it, before it is dead-lettered too, so the partition never stops
 * for good and no record is skipped silently.
 *
 * <p>A dead letter always fits its topic ({@link BoundedDeadLetterRecoverer}): its producer takes
 * records of {@link EventLimits#MAX_RECORD_BYTES}, its value is cut to
 * {@link EventLimits#MAX_DEAD_LETTER_VALUE_BYTES} and the exception message to
 * {@link EventLimits#MAX_DEAD_LETTER_MESSAGE_CHARS}. If publishing a dead letter still fails (the
 * broker is down), the error handler seeks back and tries the record again, which is right for an
 * outage and cannot loop on the record itself.
 *
 * <p>The binder's own dead-lettering writes {@code x-exception-*} headers; Spring Kafka's
 * {@link DeadLetterPublishingRecoverer}, used here in its place, writes the {@code kafka_dlt-*}
 * headers that {@link EventHeaders} names and every stage of Newswire reads. The exception headers
 * name the failure itself (the permanent exception, else the root cause), not the listener wrappers
 * around it.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer deadLetterCustomizer(
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String bootstrapServers) {
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                KafkaClients.producerSettings(bootstrapServers, null), new ByteArraySerializer(),
                new ByteArraySerializer()));
        return new ListenerContainerWithDlqAndRetryCustomizer() {

            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                                  String group,
                                  BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                                  BackOff backOff) {
                BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination = dlqDestinationResolver != null
                        ? dlqDestinationResolver
                        : (record, e) -> new TopicPartition(Topics.RAW_DLQ, -1);
                DeadLetterPublishingRecoverer recoverer = new BoundedDeadLetterRecoverer(template, destination);
                recoverer.setExceptionHeadersCreator(DeadLetterConfiguration::exceptionHeaders);
                DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                        backOff != null ? backOff : new ExponentialBackOff(1000, 2));
                handler.addNotRetryableExceptions(MalformedEventException.class, EnrichmentFailedException.class,
                        UnknownSchemaException.class, ContentTooLargeException.class,
                        NothingExtractableException.class, RecordTooLargeException.class,
                        RecordBatchTooLargeException.class, SerializationException.class);
                handler.setCommitRecovered(true);
                container.setCommonErrorHandler(handler);
            }

            @Override
            public boolean retryAndDlqInBinding(String destinationName, String group) {
                return false;
            }
        };
    }

    private static void exceptionHeaders(Headers headers, Exception exception, boolean isKey,
                                         DeadLetterPublishingRecoverer.HeaderNames names) {
        Throwable failure = failure(exception);
        headers.add(EventHeaders.DLQ_EXCEPTION_CLASS, failure.getClass().getName().getBytes(StandardCharsets.UTF_8));
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        headers.add(EventHeaders.DLQ_EXCEPTION_MESSAGE, cut(message).getBytes(StandardCharsets.UTF_8));
    }

    /** The message cut to {@link EventLimits#MAX_DEAD_LETTER_MESSAGE_CHARS}, never inside a surrogate pair. */
    static String cut(String message) {
        int max = EventLimits.MAX_DEAD_LETTER_MESSAGE_CHARS;
        if (message.length() <= max) {
            return message;
        }
        int end = Character.isHighSurrogate(message.charAt(max - 1)) ? max - 1 : max;
        return message.substring(0, end);
    }

    /** The permanent failure in the cause chain, else its root cause. */
    static Throwable failure(Throwable exception) {
        Throwable root = exception;
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof PermanentFailure || t instanceof NothingExtractableException) {
                return t;
            }
            root = t;
            if (t.getCause() == t) {
                break;
            }
        }
        return root;
    }
}
