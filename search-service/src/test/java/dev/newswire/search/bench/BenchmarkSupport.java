package dev.newswire.search.bench;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.search.index.ArticleDocuments;
import dev.newswire.search.index.BulkWriter;
import dev.newswire.search.index.IndexBootstrap;
import dev.newswire.search.index.IndexSettings;
import dev.newswire.search.index.IndexerSettings;
import dev.newswire.search.text.Segmenter;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/** Shared parts of the benchmarks: clients outside any Micronaut context, document preparation, percentiles. */
final class BenchmarkSupport implements AutoCloseable {

    final RestClientTransport transport;
    final ElasticsearchClient client;
    final ElasticsearchAsyncClient asyncClient;

    BenchmarkSupport(String url) {
        transport = new RestClientTransport(RestClient.builder(HttpHost.create(url)).build(), new JacksonJsonpMapper());
        client = new ElasticsearchClient(transport);
        asyncClient = new ElasticsearchAsyncClient(transport);
    }

    /** The indexer's documents for the articles: segmentation and JSON, as the indexer makes them. */
    static List<BulkWriter.Item> documents(List<EnrichedArticle> articles) {
        ArticleDocuments documents = new ArticleDocuments(new Segmenter());
        ObjectMapper json = ObjectMapper.getDefault();
        List<BulkWriter.Item> items = new ArrayList<>(articles.size());
        try {
            for (EnrichedArticle article : articles) {
                items.add(new BulkWriter.Item(article.id(), json.writeValueAsBytes(documents.toDocument(article))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    /** Creates the index and alias from the service's resource file. */
    IndexSettings createIndex(String name, String alias) throws IOException {
        IndexSettings settings = new IndexSettings();
        settings.setName(name);
        settings.setAlias(alias);
        new IndexBootstrap(client, settings).ensureIndex();
        return settings;
    }

    /** Bulk-loads documents with the indexer's default batch and in-flight limits; fails on any refusal. */
    void bulkLoad(IndexSettings index, List<BulkWriter.Item> items) {
        List<BulkWriter.Result> results = new BulkWriter(asyncClient, index, new IndexerSettings()).write(items);
        long failed = results.stream().filter(r -> r.outcome() != BulkWriter.Outcome.INDEXED).count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " documents not indexed, e.g. " + results.stream()
                    .filter(r -> r.outcome() != BulkWriter.Outcome.INDEXED).findFirst().orElseThrow().reason());
        }
    }

    static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
