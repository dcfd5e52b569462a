package dev.newswire.search.index;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the index and alias when the service starts, also where the indexer is disabled. If
 * Elasticsearch is not reachable yet the service still starts: the indexer retries until it is, and
 * the API answers 503 meanwhile.
 */
@Singleton
public class IndexStartup implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(IndexStartup.class);

    private final IndexBootstrap bootstrap;

    public IndexStartup(IndexBootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        try {
            bootstrap.ensureIndex();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Index not created at start ({}); the indexer will retry", e.toString());
        }
    }
}
