package dev.newswire.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newswire.search.StackSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The index schema and alias against real Elasticsearch, without the indexer. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexBootstrapIT implements TestPropertyProvider {

    private final StackSupport stack = new StackSupport("bootstrap");

    @Inject
    ElasticsearchClient client;

    @Inject
    IndexSettings settings;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put("indexer.enabled", "false");
        return properties;
    }

    @AfterAll
    void closeStack() {
        stack.close();
    }

    private String uuid(String index) throws IOException {
        return client.indices().get(g -> g.index(index)).result().get(index).settings().index().uuid();
    }

    @Test
    void theIndexIsCreatedFromItsResourceBehindTheAliasAndASecondBootstrapLeavesItAsItIs() throws IOException {
        String index = settings.getName();
        if (client.indices().exists(e -> e.index(index)).value()) {
            client.indices().delete(d -> d.index(index));
        }
        IndexBootstrap bootstrap = new IndexBootstrap(client, settings);

        bootstrap.ensureIndex();

        assertThat(bootstrap.isReady()).isTrue();
        assertThat(client.indices().getAlias(a -> a.name(settings.getAlias())).result()).containsOnlyKeys(index);
        assertThat(client.indices().getMapping(m -> m.index(index)).result().get(index).mappings().properties())
                .containsKeys("title", "body", "publishedAt");
        String created = uuid(index);

        IndexBootstrap another = new IndexBootstrap(client, settings);
        another.ensureIndex();

        assertThat(another.isReady()).isTrue();
        assertThat(uuid(index)).isEqualTo(created);
    }

    @Test
    void aDeletedIndexIsCreatedAgainOnceTheBootstrapIsToldToCheck() throws IOException {
        IndexBootstrap bootstrap = new IndexBootstrap(client, settings);
        bootstrap.ensureIndex();
        client.indices().delete(d -> d.index(settings.getName()));

        bootstrap.ensureIndex();
        assertThat(client.indices().exists(e -> e.index(settings.getName())).value()).isFalse();

        bootstrap.invalidate();
        bootstrap.ensureIndex();
        assertThat(client.indices().exists(e -> e.index(settings.getName())).value()).isTrue();
    }

    @Test
    void aMissingDefinitionResourceIsNamedInTheError() {
        IndexSettings missing = new IndexSettings();
        missing.setName(settings.getName() + "-missing");
        missing.setAlias(settings.getAlias() + "-missing");
        missing.setDefinition("elasticsearch/no-such-index.json");

        assertThatThrownBy(() -> new IndexBootstrap(client, missing).ensureIndex())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("elasticsearch/no-such-index.json");
    }
}
