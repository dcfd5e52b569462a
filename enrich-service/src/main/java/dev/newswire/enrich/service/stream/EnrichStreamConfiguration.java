package dev.newswire.enrich.service.stream;

import dev.newswire.enrich.EnrichmentChain;
import dev.newswire.enrich.dedup.InMemoryNearDuplicateIndex;
import dev.newswire.enrich.language.LanguageIdentifier;
import dev.newswire.enrich.service.dedup.DedupProperties;
import dev.newswire.enrich.service.dedup.EnrichedHistory;
import dev.newswire.enrich.tagging.Tagging;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The enrichment chain and the function bound as {@code enrich} in application.yml. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DedupProperties.class)
public class EnrichStreamConfiguration {

    /** The articles of the last days, of every instance, for near-duplicates ({@link EnrichedHistory}). */
    @Bean
    InMemoryNearDuplicateIndex nearDuplicateIndex(DedupProperties properties, MeterRegistry meters) {
        InMemoryNearDuplicateIndex index = new InMemoryNearDuplicateIndex(properties.getCapacity(),
                InMemoryNearDuplicateIndex.DEFAULT_MAX_DISTANCE);
        Gauge.builder("newswire.enrich.dedup.index.size", index, InMemoryNearDuplicateIndex::size)
                .description("Articles in the near-duplicate index").register(meters);
        return index;
    }

    @Bean
    EnrichedHistory enrichedHistory(InMemoryNearDuplicateIndex index, DedupProperties properties, JsonMapper jsonMapper,
                                    MeterRegistry meters,
                                    @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        return new EnrichedHistory(index, brokers, properties, jsonMapper, meters, Clock.systemUTC());
    }

    /** Language and tagging models load at start-up, so the first articles do not wait for them. */
    @Bean
    EnrichmentChain enrichmentChain(InMemoryNearDuplicateIndex nearDuplicateIndex) {
        return EnrichmentChain.core(LanguageIdentifier.preloaded())
                .addAll(Tagging.load().stages(nearDuplicateIndex))
                .build();
    }

    @Bean
    EnrichFunction enrich(EnrichmentChain enrichmentChain, JsonMapper jsonMapper, MeterRegistry meterRegistry) {
        return new EnrichFunction(enrichmentChain, jsonMapper, meterRegistry);
    }
}
