package dev.newswire.enrich.service.stream;

import dev.newswire.enrich.EnrichmentChain;
import dev.newswire.enrich.dedup.InMemoryNearDuplicateIndex;
import dev.newswire.enrich.language.LanguageIdentifier;
import dev.newswire.enrich.tagging.Tagging;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The enrichment chain and the function bound as {@code enrich} in application.yml. */
@Configuration(proxyBeanMethods = false)
public class EnrichStreamConfiguration {

    /**
     * Language and tagging models load at start-up, so the first articles do not wait for them.
     * Near-duplicates are looked up in a bounded in-memory index of this instance's recent articles.
     */
    @Bean
    EnrichmentChain enrichmentChain() {
        return EnrichmentChain.core(LanguageIdentifier.preloaded())
                .addAll(Tagging.load().stages(new InMemoryNearDuplicateIndex()))
                .build();
    }

    @Bean
    EnrichFunction enrich(EnrichmentChain enrichmentChain, JsonMapper jsonMapper, MeterRegistry meterRegistry) {
        return new EnrichFunction(enrichmentChain, jsonMapper, meterRegistry);
    }
}
