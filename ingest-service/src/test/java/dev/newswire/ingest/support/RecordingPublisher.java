package dev.newswire.ingest.support;

import dev.newswire.ingest.publish.ArticlePublisher;
import dev.newswire.model.RawArticle;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps what it is given. For unit tests of the HTTP side of polling only; everything that claims to
 * publish is tested against the real broker in the {@code *IT} tests.
 */
public final class RecordingPublisher implements ArticlePublisher {

    public final List<RawArticle> published = new CopyOnWriteArrayList<>();

    @Override
    public List<String> publish(List<RawArticle> articles) {
        published.addAll(articles);
        return articles.stream().map(RawArticle::id).toList();
    }
}
