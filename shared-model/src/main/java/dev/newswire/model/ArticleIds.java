package dev.newswire.model;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Article ids: sha-256 of the canonical URL, or of the normalised content when there is no URL.
 *
 * <p>Canonicalisation makes the many spellings of one page's URL agree, so that re-ingesting a page
 * yields the same id and replaces the earlier document instead of duplicating it: scheme and host in
 * lower case (IDN hosts in their ASCII form), default ports, fragments, user info and tracking
 * parameters dropped, the remaining query parameters sorted, percent-encoding normalised (unreserved
 * characters decoded, other bytes upper-case hex, raw non-ASCII encoded as UTF-8). The path keeps
 * its case and its trailing slash: servers may distinguish both.
 */
public final class ArticleIds {

    /** Query parameters that only track the reader, never select content. */
    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
            "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id",
            "oly_enc_id", "vero_id", "wickedid", "rb_clickid", "s_cid", "ncid", "cmpid", "ocid");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final HexFormat HEX = HexFormat.of();

    private ArticleIds() {
    }

    /** The id of the article at {@code url}: sha-256 hex of its canonical form. */
    public static String forUrl(String url) {
        return sha256(canonicalize(url));
    }

    /**
     * The id of an article that has no URL: sha-256 hex of its content after NFKC normalisation and
     * whitespace collapsing, so that re-sending the same text with other line breaks is the same article.
     */
    public static String forContent(String content) {
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("content is empty");
        }
        String normalised = WHITESPACE.matcher(Normalizer.normalize(content, Normalizer.Form.NFKC))
                .replaceAll(" ").strip();
        return sha256("content:" + normalised);
    }

    /**
     * The canonical form of an http(s) URL.
     *
     * @throws IllegalArgumentException if it is not an absolute http or https URL
     */
    public static String canonicalize(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("URL is empty");
        }
        URI uri;
        try {
            uri = new URI(escapeIllegal(url.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("not an http or https URL: " + url);
        }
        String host = host(uri, url);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
                || ("https".equals(scheme) && port == 443);

        StringBuilder out = new StringBuilder(url.length());
        out.append(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : normalizeEncoding(path, false));
        String query = canonicalQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static String host(URI uri, String original) {
        String host = uri.getHost();
        if (host == null) {
            // java.net.URI leaves the host null for non-ASCII (IDN) hosts: take the authority apart.
            String authority = uri.getRawAuthority();
            if (authority == null || authority.isEmpty()) {
                throw new IllegalArgumentException("URL has no host: " + original);
            }
            host = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = host.lastIndexOf(':');
            if (colon > 0 && !host.endsWith("]")) {
                host = host.substring(0, colon);
            }
            host = percentDecode(host);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("[")) {
            return host.toLowerCase(Locale.ROOT);
        }
        try {
            return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid host name: " + host, e);
        }
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = normalizeEncoding(eq < 0 ? pair : pair.substring(0, eq), true);
            if (key.isEmpty() || isTracking(key)) {
                continue;
            }
            kept.add(eq < 0 ? key : key + "=" + normalizeEncoding(pair.substring(eq + 1), true));
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    private static boolean isTracking(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.startsWith("utm_") || TRACKING_PARAMETERS.contains(k);
    }

    /**
     * Decodes percent-escapes of unreserved characters, upper-cases the hex of the others, and
     * encodes raw non-ASCII characters as UTF-8 escapes.
     */
    private static String normalizeEncoding(String raw, boolean inQuery) {
        StringBuilder out = new StringBuilder(raw.length());
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                int decoded = Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16);
                if (isUnreserved(decoded)) {
                    out.append((char) decoded);
                } else {
                    out.append('%').append(Character.toUpperCase((char) bytes[i + 1]))
                            .append(Character.toUpperCase((char) bytes[i + 2]));
                }
                i += 2;
            } else if (b >= 0x80 || b <= 0x20 || b == 0x7f || (inQuery && b == '#')) {
                out.append('%').append(HEX.toHexDigits((byte) b).toUpperCase(Locale.ROOT));
            } else {
                out.append((char) b);
            }
        }
        return out.toString();
    }

    /** Escapes what {@link URI} refuses but browsers accept: spaces, raw non-ASCII, stray '%'. */
    private static String escapeIllegal(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                out.append('%').append(HEX.toHexDigits((byte) c).toUpperCase(Locale.ROOT));
            } else if (c == '%' && !(i + 2 < url.length() && isHex((byte) url.charAt(i + 1))
                    && isHex((byte) url.charAt(i + 2)))) {
                out.append("%25");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String percentDecode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    static String sha256(String s) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
