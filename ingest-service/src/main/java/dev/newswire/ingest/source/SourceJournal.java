package dev.newswire.ingest.source;

/**
 * Where the registry writes its sources so that a restart keeps them: each definition before it takes
 * effect, and the polling state after a poll.
 */
public interface SourceJournal {

    /** A journal that keeps nothing (tests, and a service told not to persist). */
    SourceJournal NONE = new SourceJournal() {
        @Override
        public void saved(RegisteredSource source) {
        }

        @Override
        public void removed(String id) {
        }

        @Override
        public void polled(RegisteredSource source) {
        }
    };

    /**
     * The source was added or replaced; returns once that is durable.
     *
     * @throws SourceStoreException when it cannot be made durable (the change is then not made)
     */
    void saved(RegisteredSource source);

    /**
     * The source was removed; returns once that is durable.
     *
     * @throws SourceStoreException when it cannot be made durable (the source then stays)
     */
    void removed(String id);

    /** The source was polled: its validators and seen entries, written in the background. */
    void polled(RegisteredSource source);
}
