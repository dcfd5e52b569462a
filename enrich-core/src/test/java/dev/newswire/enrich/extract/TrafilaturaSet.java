package dev.newswire.enrich.extract;

import dev.newswire.runtime.text.TextDecoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The pages of ../shared/eval/extraction-trafilatura with their segments: {@code evaldata.json} maps
 * each URL to its page ({@code pages/<file>.gz}) and to the segments that must ({@code with}) and must
 * not ({@code without}) be extracted. Pages are decoded as {@code ./newswire extract} decodes files.
 */
final class TrafilaturaSet {

    /** One page: its file name, its URL, its decoded markup, what must and must not be extracted. */
    record Case(String file, String url, String html, List<String> with, List<String> without) {
    }

    private TrafilaturaSet() {
    }

    static List<Case> load(Path dir) throws IOException {
        Map<?, ?> data = (Map<?, ?>) JsonLite.parse(Files.readString(dir.resolve("evaldata.json"), StandardCharsets.UTF_8));
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<?, ?> e : data.entrySet()) {
            Map<?, ?> entry = (Map<?, ?>) e.getValue();
            String file = entry.get("file") + ".gz";
            String html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("pages").resolve(file)))) {
                html = TextDecoding.decode(in.readAllBytes());
            }
            cases.add(new Case(file, (String) e.getKey(), html, strings(entry.get("with")), strings(entry.get("without"))));
        }
        return cases;
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> list) {
            for (Object x : list) {
                if (x instanceof String s && !s.isBlank()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** White space runs as one space, ends stripped (the segments' comparison is on normalised text). */
    static String normalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
        int end = out.length();
        return end > 0 && out.charAt(end - 1) == ' ' ? out.substring(0, end - 1) : out.toString();
    }
}
