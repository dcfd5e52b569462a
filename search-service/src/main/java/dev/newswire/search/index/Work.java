package dev.newswire.search.index;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What is to be done for one consumed record before its offset may be committed. */
public sealed interface Work permits Work.Write, Work.Publish {

    /** The record this work is for. */
    ConsumerRecord<byte[], byte[]> record();

    /**
     * Write a document.
     *
     * @param document the prepared document
     * @param original whether an earlier record of the article in the same flush was an original, so this one
     *                 is written as an original too ({@link OriginalsGuard})
     * @param strikes  transient failures so far while Elasticsearch accepted other documents
     */
    record Write(ArticleRecords.Document document, boolean original, int strikes) implements Work {
        @Override
        public ConsumerRecord<byte[], byte[]> record() {
            return document.record();
        }
    }

    /** Publish a dead letter. */
    record Publish(DeadLetter letter) implements Work {
        @Override
        public ConsumerRecord<byte[], byte[]> record() {
            return letter.record();
        }
    }
}
