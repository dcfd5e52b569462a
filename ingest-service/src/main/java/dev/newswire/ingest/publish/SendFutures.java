package dev.newswire.ingest.publish;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

/**
 * The futures channel of the binder's Kafka producer handler. For a message carrying a
 * {@link KafkaIntegrationHeaders#FUTURE_TOKEN}, Spring Integration's {@code KafkaProducerMessageHandler}
 * sends the producer's send future here, synchronously, inside {@code StreamBridge.send}. The publisher
 * collects it by token and waits on it: so a request is answered only after the broker acknowledged its
 * records, while all of a batch's records are in flight together (a {@code sync} producer would wait for
 * each record in turn).
 */
public final class SendFutures implements MessageChannel {

    private final ConcurrentHashMap<String, CompletableFuture<?>> pending = new ConcurrentHashMap<>();

    @Override
    public boolean send(Message<?> message, long timeout) {
        Object token = message.getHeaders().get(KafkaIntegrationHeaders.FUTURE_TOKEN);
        if (token != null && message.getPayload() instanceof CompletableFuture<?> future) {
            pending.put(token.toString(), future);
            return true;
        }
        return false;
    }

    /** The send future of the message sent with {@code token}, or {@code null} if the binder handed none. */
    CompletableFuture<?> take(String token) {
        return pending.remove(token);
    }
}
