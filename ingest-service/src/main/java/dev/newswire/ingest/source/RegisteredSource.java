package dev.newswire.ingest.source;

/** A source definition with its polling state. */
public record RegisteredSource(FeedSource definition, SourceState state) {
}
