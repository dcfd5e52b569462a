package dev.newswire.ingest.fetch;

import java.net.URI;

/**
 * URLs as they may appear in a log line, a source's status or an error message: without user info and
 * with every query value replaced, since feed URLs carry credentials there ({@code https://user:pass@…},
 * {@code ?token=…}).
 */
public final class LogSafe {

    private LogSafe() {
    }

    public static String url(URI uri) {
        if (uri == null) {
            return "null";
        }
        if (uri.getRawUserInfo() == null && uri.getRawQuery() == null) {
            return uri.toString();
        }
        StringBuilder out = new StringBuilder();
        if (uri.getScheme() != null) {
            out.append(uri.getScheme()).append(':');
        }
        if (uri.getHost() != null) {
            out.append("//").append(uri.getHost());
            if (uri.getPort() != -1) {
                out.append(':').append(uri.getPort());
            }
        }
        if (uri.getRawPath() != null) {
            out.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            out.append('?');
            String[] pairs = uri.getRawQuery().split("&", -1);
            for (int i = 0; i < pairs.length; i++) {
                int eq = pairs[i].indexOf('=');
                out.append(i > 0 ? "&" : "").append(eq < 0 ? pairs[i] : pairs[i].substring(0, eq) + "=***");
            }
        }
        return out.toString();
    }

    /** The same for a URL given as text; text that is no URI is shown only by its length. */
    public static String url(String url) {
        if (url == null) {
            return "null";
        }
        try {
            return url(URI.create(url.strip()));
        } catch (IllegalArgumentException e) {
            return "<unparsable URL of " + url.length() + " characters>";
        }
    }
}
