package dev.newswire.ingest.source;

/**
 * A source as written in the YAML file or sent to {@code POST /api/v1/sources}, before validation.
 *
 * @param id         optional; derived from the URL when absent
 * @param name       optional; the id when absent
 * @param url        required, an absolute http(s) URL
 * @param interval   optional, {@code 15m}, {@code PT15M} or seconds; the configured default when absent
 * @param fetchPages optional, default {@code true}
 * @param language   optional ISO 639-1 hint
 * @param enabled    optional, default {@code true}
 */
public record SourceSpec(String id, String name, String url, String interval, Boolean fetchPages, String language,
                         Boolean enabled) {
}
