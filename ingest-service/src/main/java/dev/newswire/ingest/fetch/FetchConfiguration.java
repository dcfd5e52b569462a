package dev.newswire.ingest.fetch;

import dev.newswire.runtime.retry.Backoff;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The safe HTTP fetching stack, shared by feed polling and the page API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FetchProperties.class)
public class FetchConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AddressPolicy addressPolicy(FetchProperties properties) {
        return new AddressPolicy(properties.getAllowedAddresses());
    }

    @Bean
    HostGate hostGate(FetchProperties properties, Clock clock) {
        return new HostGate(properties.getMinHostInterval(),
                new Backoff(properties.getInitialBackoff(), properties.getMaxBackoff()), properties.getMaxRetryAfter(),
                clock);
    }

    @Bean
    HttpFetcher httpFetcher(FetchProperties properties, AddressPolicy addressPolicy, HostGate hostGate, Clock clock) {
        return new HttpFetcher(properties, addressPolicy, hostGate, clock);
    }

    @Bean
    PageFetcher pageFetcher(HttpFetcher fetcher, FetchProperties properties, Clock clock) {
        return new PageFetcher(fetcher, properties.isRobotsEnabled() ? new RobotsPolicy(fetcher, properties, clock) : null);
    }
}
