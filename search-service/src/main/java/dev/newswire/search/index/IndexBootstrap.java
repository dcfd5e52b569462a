package dev.newswire.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the versioned index from its resource file and points the alias at it, idempotently: an index
 * that exists is left as it is (also when another instance created it a moment earlier), and adding an
 * alias that exists is a no-op.
 */
@Singleton
public class IndexBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(IndexBootstrap.class);

    private final ElasticsearchClient client;
    private final IndexSettings settings;
    private volatile boolean ready;

    public IndexBootstrap(ElasticsearchClient client, IndexSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Whether the index and alias are known to exist. */
    public boolean isReady() {
        return ready;
    }

    /** Forgets that the index exists, so that the next {@link #ensureIndex()} checks again (it was deleted). */
    public void invalidate() {
        ready = false;
    }

    /**
     * Makes sure the index and its alias exist.
     *
     * @throws IOException when Elasticsearch cannot be reached (the caller retries)
     */
    public void ensureIndex() throws IOException {
        if (ready) {
            return;
        }
        String name = settings.getName();
        if (!client.indices().exists(e -> e.index(name)).value()) {
            try (InputStream definition = definition()) {
                client.indices().create(c -> c.index(name).withJson(definition));
                LOG.info("Created index {} from {}", name, settings.getDefinition());
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(name).alias(settings.getAlias()))));
        LOG.info("Alias {} points at index {}", settings.getAlias(), name);
        ready = true;
    }

    private InputStream definition() {
        InputStream in = IndexBootstrap.class.getClassLoader().getResourceAsStream(settings.getDefinition());
        if (in == null) {
            throw new IllegalStateException("index definition resource missing: " + settings.getDefinition());
        }
        return in;
    }
}
