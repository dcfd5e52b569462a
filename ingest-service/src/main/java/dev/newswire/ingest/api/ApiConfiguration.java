package dev.newswire.ingest.api;

import dev.newswire.ingest.feed.FeedArticles;
import dev.newswire.ingest.feed.FeedParser;
import dev.newswire.ingest.fetch.FetchProperties;
import dev.newswire.ingest.fetch.PageFetcher;
import dev.newswire.ingest.intake.Intake;
import dev.newswire.ingest.publish.ArticlePublisher;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import tools.jackson.databind.json.JsonMapper;

/** The intake the HTTP API calls, and the API's filters (the API key is {@link SecurityConfiguration}'s). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
public class ApiConfiguration {

    @Bean
    Intake intake(ApiProperties limits, FetchProperties fetch, PageFetcher pages, FeedParser parser,
                  FeedArticles feedArticles, ArticlePublisher publisher, Clock clock) {
        return new Intake(limits.getMaxBatchSize(), limits.getMaxTitleLength(), limits.getMaxSummaryLength(), fetch,
                pages, parser, feedArticles, publisher, clock);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(ApiProperties properties, JsonMapper json) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(
                properties.getRateLimit(), properties.getRateBurst(), json));
        // Before Spring Security's chain: guessing keys is rate-limited too.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(ApiProperties properties, JsonMapper json) {
        FilterRegistrationBean<BodySizeFilter> registration =
                new FilterRegistrationBean<>(new BodySizeFilter(properties.getMaxBodySize().toBytes(),
                        properties.getMaxBodiesInFlight().toBytes(), json));
        // After Spring Security's chain: a caller without the key learns nothing, not even the cap.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
