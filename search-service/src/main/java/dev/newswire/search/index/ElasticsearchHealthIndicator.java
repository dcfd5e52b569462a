package dev.newswire.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;

/** {@code /health} is DOWN while Elasticsearch cannot be reached or its cluster is red. */
@Singleton
public class ElasticsearchHealthIndicator implements HealthIndicator {

    private static final String NAME = "elasticsearch";

    private final ElasticsearchAsyncClient client;
    private final IndexBootstrap bootstrap;

    public ElasticsearchHealthIndicator(ElasticsearchAsyncClient client, IndexBootstrap bootstrap) {
        this.client = client;
        this.bootstrap = bootstrap;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        CompletableFuture<HealthResult> result;
        try {
            result = client.cluster().health()
                    .thenApply(health -> HealthResult.builder(NAME,
                                    health.status() == co.elastic.clients.elasticsearch._types.HealthStatus.Red
                                            ? HealthStatus.DOWN : HealthStatus.UP)
                            .details(Map.of("cluster", health.status().jsonValue(), "indexReady", bootstrap.isReady()))
                            .build())
                    .exceptionally(e -> HealthResult.builder(NAME, HealthStatus.DOWN).exception(e).build());
        } catch (RuntimeException e) {
            result = CompletableFuture.completedFuture(HealthResult.builder(NAME, HealthStatus.DOWN).exception(e).build());
        }
        return Publishers.fromCompletableFuture(result);
    }
}
