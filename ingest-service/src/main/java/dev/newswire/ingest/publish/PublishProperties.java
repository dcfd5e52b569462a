package dev.newswire.ingest.publish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How raw articles are handed to the binder. */
@ConfigurationProperties("newswire.publish")
public class PublishProperties {

    /**
     * The output binding of {@code StreamBridge}; its destination (the topic, {@code news.raw.v1}) and
     * producer settings are in {@code application.yml} under {@code spring.cloud.stream}.
     */
    private String binding = "rawArticles";

    /**
     * Longest wait for the broker's acknowledgements of one request's articles; keep it above the
     * producer's {@code delivery.timeout.ms} so the producer's own verdict normally comes first.
     */
    private Duration ackTimeout = Duration.ofSeconds(40);

    public String getBinding() {
        return binding;
    }

    public void setBinding(String binding) {
        this.binding = binding;
    }

    public Duration getAckTimeout() {
        return ackTimeout;
    }

    public void setAckTimeout(Duration ackTimeout) {
        this.ackTimeout = ackTimeout;
    }
}
