package dev.newswire.search.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A validated search: the user's text, the filters (each a list of accepted values, empty for none), the
 * publication-time range, the order, the page size and the position after the previous page.
 *
 * @param query         user text, NFKC-normalised, or {@code null} for all articles
 * @param topics        topic ids
 * @param persons       person ids or names
 * @param organizations organisation ids or names
 * @param places        place ids or names
 * @param sources       source ids or names
 * @param languages     ISO 639-1 codes
 * @param from          earliest publication time (inclusive), or {@code null}
 * @param to            latest publication time (inclusive), or {@code null}
 * @param sort          order
 * @param size          hits per page
 * @param after         position after the previous page, or {@code null} for the first page
 * @param originalsOnly whether near-duplicates of earlier articles (those with a {@code duplicateOf}) are left out
 */
public record SearchCriteria(String query, List<String> topics, List<String> persons, List<String> organizations,
                             List<String> places, List<String> sources, List<String> languages, Instant from,
                             Instant to, Sort sort, int size, SearchCursor after, boolean originalsOnly) {

    /**
     * A short digest of everything that selects and orders the results (not the page size): a cursor made
     * for one search is refused by another, whose positions it does not describe.
     */
    public String fingerprint() {
        String canonical = String.join("\u001f", String.valueOf(query), String.join(",", topics),
                String.join(",", persons), String.join(",", organizations), String.join(",", places),
                String.join(",", sources), String.join(",", languages), String.valueOf(from), String.valueOf(to),
                sort.name(), originalsOnly ? "originals" : "all");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
