package dev.newswire.cli.chaos;

import java.util.List;
import java.util.Set;

/**
 * One poison input: what it is, how it is sent, and which outcomes handle it.
 *
 * @param name        short name, unique
 * @param kind        the kind of poison it is an instance of (the list)
 * @param allowed     the outcomes that count as handled
 * @param send        sends it
 */
record Poison(String name, String kind, Set<Outcome> allowed, Sender send) {

    /** Sends the poison; returns the API's answer (null for a record written straight to a topic) and the ids to follow. */
    @FunctionalInterface
    interface Sender {
        Sent send() throws Exception;
    }

    /**
     * @param answer the ingest API's answer, or null when the record went straight to a topic
     * @param ids    the article ids to follow through the pipeline: those the API acknowledged, or the key written
     */
    record Sent(Answer answer, List<String> ids) {

        static Sent answer(Answer answer) {
            return new Sent(answer, answer.accepted() ? answer.ids() : List.of());
        }

        static Sent record(String id) {
            return new Sent(null, List.of(id));
        }
    }
}
