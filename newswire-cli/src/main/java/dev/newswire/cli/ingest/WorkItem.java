package dev.newswire.cli.ingest;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One thing to send: a file of a known kind, or a URL.
 *
 * @param kind   what it is, by file extension
 * @param path   the file, or {@code null} for a URL
 * @param url    the URL, or {@code null} for a file
 * @param label  how the summary names it (the path as given, or the URL)
 */
record WorkItem(Kind kind, Path path, String url, String label) {

    /** Kinds of input and how each goes to the API. */
    enum Kind {
        /** .html, .htm, .xhtml: {@code POST /api/v1/pages} as text/html. */
        HTML,
        /** .txt: {@code POST /api/v1/pages} as text/plain. */
        TEXT,
        /** .json: push articles (an object or an array), or a JSON Feed. */
        JSON,
        /** .jsonl, .ndjson: one push article per line. */
        JSONL,
        /** .xml, .rss, .atom, .rdf: a feed document. */
        FEED,
        /** http(s) URL of a page or a feed: fetched by the service. */
        URL,
        /** Anything else named explicitly: reported as rejected. */
        UNSUPPORTED
    }

    static Kind kindOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "html", "htm", "xhtml" -> Kind.HTML;
            case "txt", "text" -> Kind.TEXT;
            case "json" -> Kind.JSON;
            case "jsonl", "ndjson" -> Kind.JSONL;
            case "xml", "rss", "atom", "rdf" -> Kind.FEED;
            default -> Kind.UNSUPPORTED;
        };
    }

    static boolean isUrl(String argument) {
        String a = argument.toLowerCase(Locale.ROOT);
        return a.startsWith("http://") || a.startsWith("https://");
    }
}
