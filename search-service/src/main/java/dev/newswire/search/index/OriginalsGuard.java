package dev.newswire.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule that keeps an original visible when near-duplicates are left out ({@code duplicates=exclude}):
 * an article indexed once as an original stays one. The enrich-service marks the later of two near-copies
 * with {@code duplicateOf}, so the first article enriched is the original. But when the original is enriched
 * again (re-fetched, re-pushed) after a near-copy arrived, the enrichment finds the copy and names it as its
 * {@code duplicateOf}; writing that as it is would hide both. So before a near-duplicate is written, the
 * indexer asks which of those articles are indexed already without {@code duplicateOf}, and writes those
 * as originals. A near-copy can hide only itself.
 */
@Singleton
public class OriginalsGuard {

    private final ElasticsearchClient client;
    private final IndexSettings index;

    public OriginalsGuard(ElasticsearchClient client, IndexSettings index) {
        this.client = client;
        this.index = index;
    }

    /**
     * Of the given article ids, those indexed now as originals (found, without {@code duplicateOf}).
     *
     * @throws IOException or a runtime Elasticsearch exception when it cannot be asked (the caller retries)
     */
    @SuppressWarnings("rawtypes")
    public Set<String> indexedOriginals(Collection<String> ids) throws IOException {
        Set<String> originals = new HashSet<>();
        if (ids.isEmpty()) {
            return originals;
        }
        MgetResponse<Map> response = client.mget(m -> m.index(index.getAlias()).ids(List.copyOf(ids))
                .sourceIncludes("duplicateOf"), Map.class);
        for (MultiGetResponseItem<Map> item : response.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null
                    && item.result().source().get("duplicateOf") == null) {
                originals.add(item.result().id());
            }
        }
        return originals;
    }
}
