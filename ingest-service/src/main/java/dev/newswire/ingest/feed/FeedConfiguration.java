package dev.newswire.ingest.feed;

import dev.newswire.ingest.fetch.FetchProperties;
import dev.newswire.ingest.fetch.HostGate;
import dev.newswire.ingest.fetch.HttpFetcher;
import dev.newswire.ingest.fetch.PageFetcher;
import dev.newswire.ingest.publish.ArticlePublisher;
import dev.newswire.ingest.source.SourceProperties;
import dev.newswire.ingest.source.SourceRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Feed parsing and polling. */
@Configuration(proxyBeanMethods = false)
public class FeedConfiguration {

    @Bean
    FeedParser feedParser(SourceProperties properties) {
        return new FeedParser(properties.getMaxFeedEntries());
    }

    @Bean
    FeedArticles feedArticles(PageFetcher pages, Clock clock, FetchProperties fetch) {
        return new FeedArticles(pages, clock, fetch.getMaxHostWait(), fetch.getPageBudget());
    }

    @Bean
    FeedPoller feedPoller(HttpFetcher fetcher, HostGate hostGate, FeedParser parser, FeedArticles feedArticles,
                          ArticlePublisher publisher, FetchProperties fetch, Clock clock) {
        return new FeedPoller(fetcher, hostGate, parser, feedArticles, publisher, fetch.getMaxBackoff(),
                fetch.getMaxHostWait(), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "newswire.sources.polling-enabled", havingValue = "true", matchIfMissing = true)
    FeedScheduler feedScheduler(SourceRegistry registry, FeedPoller poller, SourceProperties properties, Clock clock) {
        return new FeedScheduler(registry, poller, properties.getPollerThreads(), clock);
    }
}
