package dev.newswire.search.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The position after the last hit of a page, for Elasticsearch's {@code search_after}: the sort values
 * of that hit. Sent to clients as an opaque token: base64url of a versioned text with the sort, the
 * fingerprint of the search it belongs to and a checksum, so that a truncated, edited or foreign cursor
 * is refused with a clear error instead of silently paging wrong.
 *
 * @param sort        the order the values belong to
 * @param fingerprint {@link SearchCriteria#fingerprint()} of the search
 * @param score       relevance score of the last hit ({@link Sort#RELEVANCE} only, else 0)
 * @param published   publication time of the last hit in epoch milliseconds, as Elasticsearch sorted it
 * @param id          article id of the last hit (the tie-breaker)
 */
public record SearchCursor(Sort sort, String fingerprint, double score, long published, String id) {

    private static final String VERSION = "c1";
    private static final char SEPARATOR = '|';

    /** The opaque token. */
    public String encode() {
        String payload = VERSION + SEPARATOR + sort.parameterValue() + SEPARATOR + fingerprint + SEPARATOR
                + Double.toString(score) + SEPARATOR + published + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((payload + SEPARATOR + checksum(payload)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token.
     *
     * @return the cursor, or empty if the token is not one this service made (wrong encoding, version or
     *         checksum, missing parts)
     */
    public static Optional<SearchCursor> decode(String token) {
        if (token == null || token.isEmpty() || token.length() > 1024) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int last = text.lastIndexOf(SEPARATOR);
        if (last < 0 || !checksum(text.substring(0, last)).equals(text.substring(last + 1))) {
            return Optional.empty();
        }
        String[] parts = text.substring(0, last).split("\\|", 6);
        if (parts.length != 6 || !VERSION.equals(parts[0]) || parts[5].isEmpty()) {
            return Optional.empty();
        }
        Optional<Sort> sort = Sort.fromParameter(parts[1]);
        if (sort.isEmpty()) {
            return Optional.empty();
        }
        try {
            double score = Double.parseDouble(parts[3]);
            if (!Double.isFinite(score)) {
                return Optional.empty();
            }
            return Optional.of(new SearchCursor(sort.get(), parts[2], score, Long.parseLong(parts[4]), parts[5]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String checksum(String payload) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
