package dev.newswire.ingest.publish;

import dev.newswire.model.EventHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;
import org.springframework.kafka.support.KafkaHeaderMapper;
import org.springframework.kafka.support.SimpleKafkaHeaderMapper;
import tools.jackson.databind.json.JsonMapper;

/** Publishing to {@code news.raw.v1} through the Kafka binder. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishProperties.class)
public class PublishConfiguration {

    @Bean
    SendFutures sendFutures() {
        return new SendFutures();
    }

    /** Hands every send future of the binder's producer to {@link SendFutures} (see there why). */
    @Bean
    ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler<?, ?>> sendFuturesCustomizer(SendFutures futures) {
        return (handler, destination) -> handler.setFuturesChannel(futures);
    }

    /**
     * Only the {@code schema} header goes on the record, as raw UTF-8 bytes: no binder bookkeeping headers
     * (content type, JSON type map) that every consumer would have to ignore. Named in application.yml
     * ({@code spring.cloud.stream.kafka.binder.header-mapper-bean-name}).
     */
    @Bean
    KafkaHeaderMapper rawArticleHeaderMapper() {
        return new SimpleKafkaHeaderMapper(EventHeaders.SCHEMA);
    }

    @Bean
    ArticlePublisher articlePublisher(StreamBridge bridge, SendFutures futures, JsonMapper json,
                                      PublishProperties properties, MeterRegistry meters) {
        return new StreamBridgePublisher(bridge, futures, json, properties, meters);
    }
}
