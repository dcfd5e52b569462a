package dev.newswire.ingest.api;

import dev.newswire.ingest.feed.FeedArticles;
import dev.newswire.ingest.feed.FeedParser;
import dev.newswire.ingest.fetch.FetchProperties;
import dev.newswire.ingest.fetch.PageFetcher;
import dev.newswire.ingest.publish.ArticlePublisher;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP API's service and filters: the API key first, then the body cap. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
public class ApiConfiguration {

    @Bean
    IngestService ingestService(ApiProperties limits, FetchProperties fetch, PageFetcher pages, FeedParser parser,
                                FeedArticles feedArticles, ArticlePublisher publisher, Clock clock) {
        return new IngestService(limits, fetch, pages, parser, feedArticles, publisher, clock);
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiProperties properties, JsonMapper json) {
        FilterRegistrationBean<ApiKeyFilter> registration =
                new FilterRegistrationBean<>(new ApiKeyFilter(properties.getKey(), json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(ApiProperties properties, JsonMapper json) {
        FilterRegistrationBean<BodySizeFilter> registration =
                new FilterRegistrationBean<>(new BodySizeFilter(properties.getMaxBodySize().toBytes(), json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }
}
