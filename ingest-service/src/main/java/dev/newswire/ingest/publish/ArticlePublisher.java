package dev.newswire.ingest.publish;

import dev.newswire.model.RawArticle;
import java.util.List;

/** Puts raw articles on {@code news.raw.v1} and returns only once the broker has acknowledged them. */
public interface ArticlePublisher {

    /**
     * Sends all, then waits for all acknowledgements.
     *
     * @return the ids, in order
     * @throws PublishException when any was not acknowledged
     */
    List<String> publish(List<RawArticle> articles) throws PublishException, InterruptedException;
}
