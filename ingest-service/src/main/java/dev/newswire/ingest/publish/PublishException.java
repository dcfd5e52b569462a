package dev.newswire.ingest.publish;

import java.util.List;
import java.util.Map;

/**
 * Kafka did not acknowledge every article. The acknowledged ones are listed, so that a client knows what
 * is in; re-sending all is safe (same ids).
 */
public class PublishException extends Exception {

    private final List<String> acknowledged;
    private final Map<String, String> failed;
    private final boolean tooLarge;

    public PublishException(String message, List<String> acknowledged, Map<String, String> failed, boolean tooLarge,
                            Throwable cause) {
        super(message, cause);
        this.acknowledged = List.copyOf(acknowledged);
        this.failed = Map.copyOf(failed);
        this.tooLarge = tooLarge;
    }

    /** Ids Kafka acknowledged. */
    public List<String> acknowledged() {
        return acknowledged;
    }

    /** Ids that failed, with the reason. */
    public Map<String, String> failed() {
        return failed;
    }

    /** Whether the broker refused a record as too large (a client error, not an outage). */
    public boolean tooLarge() {
        return tooLarge;
    }
}
