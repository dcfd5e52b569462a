package dev.newswire.cli.stack;

import dev.newswire.stack.ManagedProcess;
import java.time.Duration;

/** One process of the local stack: Kafka, Elasticsearch or a service. */
public interface Part {

    /** Short name, also the name of its pid file. */
    String name();

    /** The main port, for messages and the port check. */
    int port();

    /** What a user points a client at. */
    String url();

    /** Whether it answers its health check now. */
    boolean healthy();

    /** Starts it detached and waits until it is healthy. */
    ManagedProcess start(Duration timeout);
}
