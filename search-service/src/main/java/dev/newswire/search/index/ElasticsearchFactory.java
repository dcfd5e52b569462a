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
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * The Elasticsearch clients, on {@code elasticsearch.url} (env {@code ELASTICSEARCH_URL}), with basic
 * authentication when {@code elasticsearch.username} and {@code elasticsearch.password} are set (env
 * {@code ELASTICSEARCH_USERNAME}, {@code ELASTICSEARCH_PASSWORD}; the compose deployment has security on,
 * the embedded development server has it off).
 */
@Factory
public class ElasticsearchFactory {

    @Singleton
    @Bean(preDestroy = "close")
    ElasticsearchTransport transport(@Value("${elasticsearch.url}") String url,
                                     @Value("${elasticsearch.connect-timeout:5s}") Duration connectTimeout,
                                     @Value("${elasticsearch.socket-timeout:60s}") Duration socketTimeout,
                                     @Value("${elasticsearch.username:}") String username,
                                     @Value("${elasticsearch.password:}") String password) {
        RestClientBuilder builder = RestClient.builder(HttpHost.create(url))
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout((int) connectTimeout.toMillis())
                        .setSocketTimeout((int) socketTimeout.toMillis()));
        if (!username.isBlank()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(username, password));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        RestClient restClient = builder.build();
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
