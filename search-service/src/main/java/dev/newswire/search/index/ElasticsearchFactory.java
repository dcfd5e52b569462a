package dev.newswire.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/** The Elasticsearch clients, on {@code elasticsearch.url} (env {@code ELASTICSEARCH_URL}). */
@Factory
public class ElasticsearchFactory {

    @Singleton
    @Bean(preDestroy = "close")
    ElasticsearchTransport transport(@Value("${elasticsearch.url}") String url,
                                     @Value("${elasticsearch.connect-timeout:5s}") Duration connectTimeout,
                                     @Value("${elasticsearch.socket-timeout:60s}") Duration socketTimeout) {
        RestClient restClient = RestClient.builder(HttpHost.create(url))
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout((int) connectTimeout.toMillis())
                        .setSocketTimeout((int) socketTimeout.toMillis()))
                .build();
        return new RestClientTransport(restClient, new JacksonJsonpMapper());
    }

    @Singleton
    ElasticsearchClient client(ElasticsearchTransport transport) {
        return new ElasticsearchClient(transport);
    }

    @Singleton
    ElasticsearchAsyncClient asyncClient(ElasticsearchTransport transport) {
        return new ElasticsearchAsyncClient(transport);
    }
}
