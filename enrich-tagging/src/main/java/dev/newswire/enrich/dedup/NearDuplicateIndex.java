package dev.newswire.enrich.dedup;

import java.util.Optional;

/** Fingerprints of articles seen so far, to tell whether a new one is a near-duplicate. */
public interface NearDuplicateIndex {

    /**
     * The id of an earlier article within the index's Hamming distance of {@code simhash}, if any;
     * then records this article. The same id seen again (a replay) is not its own duplicate.
     */
    Optional<String> findAndAdd(String id, long simhash);

    /**
     * Records an article enriched elsewhere (by another instance, or by this one before a restart)
     * without looking it up; an id already recorded is left as it is.
     */
    void add(String id, long simhash);
}
