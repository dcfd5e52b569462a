package dev.newswire.ingest.source;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The source registry, filled at start from the sources file and from the sources topic (the sources
 * the API added, and every source's polling state).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SourceProperties.class)
public class SourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SourceConfiguration.class);

    @Bean(destroyMethod = "close")
    SourceStore sourceStore(SourceProperties properties, JsonMapper json,
                            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        return new SourceStore(brokers, properties.getTopic(), json, properties.getStoreTimeout(), properties.getSeenStored());
    }

    /**
     * A bad sources file stops the start: running without the sources an operator listed would go
     * unnoticed. So does a sources topic that cannot be read: running without the sources the API
     * added, and later overwriting them, would lose them.
     */
    @Bean
    SourceRegistry sourceRegistry(SourceProperties properties, ResourceLoader resources, SourceStore store)
            throws IOException {
        store.createTopic();
        Map<String, StoredSource> stored = store.readAll();
        SourceRegistry registry = new SourceRegistry(properties, store);
        registry.restoreFrom(stored);
        Resource file = resources.getResource(properties.getFile());
        if (!file.exists()) {
            throw new IOException("the sources file " + properties.getFile() + " does not exist");
        }
        List<SourceSpec> specs = SourcesFile.read(file);
        for (int i = 0; i < specs.size(); i++) {
            try {
                registry.add(specs.get(i), FeedSource.Origin.FILE);
            } catch (InvalidSourceException e) {
                throw new IOException("source #" + (i + 1) + " of " + properties.getFile() + " is invalid: "
                        + e.fieldErrors(), e);
            }
        }
        int added = 0;
        for (StoredSource source : stored.values()) {
            String id = source.spec() == null ? null : source.spec().id();
            if (id == null || registry.get(id).isPresent()) {
                continue;
            }
            if (source.origin() == FeedSource.Origin.API) {
                try {
                    registry.add(source.spec(), FeedSource.Origin.API);
                    added++;
                } catch (InvalidSourceException e) {
                    log.warn("stored source {} is no longer valid and is left out: {}", id, e.fieldErrors());
                }
            } else {
                store.removed(id); // a source the file no longer lists
            }
        }
        registry.restoreFrom(Map.of());
        store.follow(registry);
        log.info("{} feed sources from {}, {} added through the API before", specs.size(), properties.getFile(), added);
        return registry;
    }
}
