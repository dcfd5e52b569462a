package dev.newswire.ingest.source;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** The source registry, filled from the sources file at start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SourceProperties.class)
public class SourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SourceConfiguration.class);

    /** A bad sources file stops the start: running without the sources an operator listed would go unnoticed. */
    @Bean
    SourceRegistry sourceRegistry(SourceProperties properties, ResourceLoader resources) throws IOException {
        SourceRegistry registry = new SourceRegistry(properties);
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
        log.info("{} feed sources from {}", specs.size(), properties.getFile());
        return registry;
    }
}
