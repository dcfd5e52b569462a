package dev.newswire.search.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One flush of the indexer: writes the documents, dead-letters what can never be indexed, and reports what
 * must be tried again later. It never waits for a retry itself: the caller pauses only the partitions of the
 * records that must wait, and the others flow on.
 *
 * <ul>
 *   <li>A document Elasticsearch accepts is done; one it rejects for good (a mapping rejection) becomes a
 *       dead letter on its own, and the rest of the bulk request stands.</li>
 *   <li>A document that fails transiently (429, 5xx, a block, no connection) is returned for a retry. If it
 *       fails {@code indexer.max-item-retries} times while Elasticsearch accepted other documents of the same
 *       flushes, it is a poison document and becomes a dead letter.</li>
 *   <li>A dead letter the broker did not acknowledge is returned for a retry.</li>
 * </ul>
 */
@Singleton
public class Flusher {

    private static final Logger LOG = LoggerFactory.getLogger(Flusher.class);

    /** Work to try again later, and why it failed. */
    public record Retry(Work work, String reason) {
    }

    private final BulkWriter writer;
    private final DeadLetterPublisher deadLetters;
    private final OriginalsGuard originals;
    private final IndexBootstrap bootstrap;
    private final IndexerSettings settings;
    private final Counter indexed;
    private final Counter deadLettered;

    public Flusher(BulkWriter writer, DeadLetterPublisher deadLetters, OriginalsGuard originals,
                   IndexBootstrap bootstrap, IndexerSettings settings, MeterRegistry registry) {
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.originals = originals;
        this.bootstrap = bootstrap;
        this.settings = settings;
        this.indexed = Counter.builder("newswire.indexer.documents").tag("outcome", "indexed")
                .description("Documents acknowledged by Elasticsearch").register(registry);
        this.deadLettered = Counter.builder("newswire.indexer.documents").tag("outcome", "dead_lettered")
                .description("Records sent to the dead-letter topic").register(registry);
    }

    /**
     * Does the work. Writes must have distinct article ids (two writes of one id in concurrent bulk requests
     * would land in either order).
     *
     * @return the work that is not done, to be tried again later
     */
    public List<Retry> flush(List<Work> work) {
        List<Work.Write> writes = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        for (Work w : work) {
            if (w instanceof Work.Write write) {
                writes.add(write);
            } else {
                letters.add(((Work.Publish) w).letter());
            }
        }
        List<Retry> retries = new ArrayList<>();
        write(writes, letters, retries);

        Set<DeadLetter> failed = Collections.newSetFromMap(new IdentityHashMap<>());
        failed.addAll(deadLetters.publishAll(letters));
        for (DeadLetter letter : letters) {
            if (failed.contains(letter)) {
                retries.add(new Retry(new Work.Publish(letter), "dead letter not acknowledged"));
            } else {
                deadLettered.increment();
                LOG.warn("Record {} (key {}) sent to the dead-letter topic: {}", DeadLetterPublisher.origin(letter.record()),
                        ArticleRecords.key(letter.record()), ArticleRecords.abbreviate(letter.message()));
            }
        }
        return retries;
    }

    private void write(List<Work.Write> writes, List<DeadLetter> letters, List<Retry> retries) {
        if (writes.isEmpty()) {
            return;
        }
        String unavailable = null;
        if (!bootstrap.isReady()) {
            try {
                bootstrap.ensureIndex();
            } catch (IOException | RuntimeException e) {
                unavailable = "index not ready: " + e;
            }
        }
        Set<String> indexedOriginals = Set.of();
        if (unavailable == null) {
            try {
                indexedOriginals = originals.indexedOriginals(writes.stream()
                        .filter(w -> w.document().duplicateOf() != null && !w.original())
                        .map(w -> w.document().item().id()).toList());
            } catch (IOException | RuntimeException e) {
                unavailable = "cannot look up originals: " + e;
            }
        }
        if (unavailable != null) {
            for (Work.Write w : writes) {
                retries.add(new Retry(w, unavailable));
            }
            return;
        }

        List<BulkWriter.Item> items = new ArrayList<>(writes.size());
        for (Work.Write w : writes) {
            ArticleRecords.Document d = w.document();
            boolean asOriginal = d.duplicateOf() != null && (w.original() || indexedOriginals.contains(d.item().id()));
            items.add(asOriginal ? new BulkWriter.Item(d.item().id(), d.sourceAsOriginal()) : d.item());
        }
        List<BulkWriter.Result> results = writer.write(items);
        boolean accepted = results.stream().anyMatch(r -> r.outcome() == BulkWriter.Outcome.INDEXED);
        for (int i = 0; i < results.size(); i++) {
            BulkWriter.Result result = results.get(i);
            Work.Write w = writes.get(i);
            switch (result.outcome()) {
                case INDEXED -> indexed.increment();
                case PERMANENT -> letters.add(new DeadLetter(w.record(), DocumentRejectedException.class.getName(),
                        result.reason()));
                case TRANSIENT -> {
                    if (result.reason() != null && result.reason().contains("index_not_found_exception")) {
                        bootstrap.invalidate();
                    }
                    int strikes = accepted ? w.strikes() + 1 : w.strikes();
                    if (strikes >= settings.getMaxItemRetries()) {
                        letters.add(new DeadLetter(w.record(), DocumentRejectedException.class.getName(),
                                "failed " + strikes + " times while Elasticsearch accepted other documents: "
                                        + result.reason()));
                    } else {
                        retries.add(new Retry(new Work.Write(w.document(), w.original(), strikes), result.reason()));
                    }
                }
            }
        }
    }
}
