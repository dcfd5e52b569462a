package dev.newswire.enrich.service.stream;

import dev.newswire.enrich.EnrichmentChain;
import dev.newswire.enrich.language.LanguageIdentifier;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The enrichment chain and the function bound as {@code enrich} in application.yml. */
@Configuration(proxyBeanMethods = false)
public class EnrichStreamConfiguration {

    /** Language models load at start-up, so the first articles do not wait for them. */
    @Bean
    EnrichmentChain enrichmentChain() {
        return EnrichmentChain.core(LanguageIdentifier.preloaded()).build();
    }

    @Bean
    EnrichFunction enrich(EnrichmentChain enrichmentChain, JsonMapper jsonMapper, MeterRegistry meterRegistry) {
        return new EnrichFunction(enrichmentChain, jsonMapper, meterRegistry);
    }
}
