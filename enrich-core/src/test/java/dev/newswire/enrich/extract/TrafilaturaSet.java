package dev.newswire.enrich.extract;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/**
 * The pages of ../shared/eval/extraction-trafilatura with their segments. {@code evaldata.json} keys
 * the segments by URL, and the pages are stored under names that do not say their URL, so each entry is
 * matched to its page by content: among the pages that link to the URL's host (all pages where none
 * does), the one whose text holds most of the entry's {@code with} segments (then the one whose markup
 * holds the URL's path). An entry whose segments no page holds has no page and is left out (the test
 * says how many).
 */
final class TrafilaturaSet {

    /** One page: its file name, its URL, its decoded markup, what must and must not be extracted. */
    record Case(String file, String url, String html, List<String> with, List<String> without) {
    }

    record Loaded(List<Case> cases, int entries, int pages) {
    }

    private static final Pattern HOST = Pattern.compile("(?i)(?:https?:)?//(?:www\\.)?([a-z0-9][a-z0-9.-]{1,100})");

    private TrafilaturaSet() {
    }

    static Loaded load(Path dir) throws IOException {
        Map<?, ?> data = (Map<?, ?>) JsonLite.parse(Files.readString(dir.resolve("evaldata.json"), StandardCharsets.UTF_8));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("pages"))) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".gz")).sorted().toList();
        }
        List<String> htmls = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Map<String, List<Integer>> byHost = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            String html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(files.get(i)))) {
                html = dev.newswire.runtime.text.TextDecoding.decode(in.readAllBytes());
            }
            htmls.add(html);
            texts.add(normalize(Jsoup.parse(html).text()));
            Set<String> hosts = new HashSet<>();
            Matcher m = HOST.matcher(html);
            while (m.find()) {
                hosts.add(m.group(1).toLowerCase(Locale.ROOT));
            }
            for (String h : hosts) {
                byHost.computeIfAbsent(h, k -> new ArrayList<>()).add(i);
            }
        }
        List<Case> cases = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        for (Map.Entry<?, ?> e : data.entrySet()) {
            String url = (String) e.getKey();
            Map<?, ?> entry = (Map<?, ?>) e.getValue();
            List<String> with = strings(entry.get("with"));
            List<String> without = strings(entry.get("without"));
            URI uri = URI.create(url.replace(" ", "%20").replace("|", "%7C"));
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            List<Integer> candidates = byHost.get(host);
            int best = best(candidates == null ? null : candidates, with, uri, htmls, texts);
            if (best < 0 && candidates != null) {
                best = best(null, with, uri, htmls, texts);
            }
            if (best >= 0 && taken.add(best)) {
                cases.add(new Case(files.get(best).getFileName().toString(), url, htmls.get(best), with, without));
            }
        }
        return new Loaded(cases, data.size(), files.size());
    }

    /** The page holding most of the segments (the URL's path breaking ties), -1 for none holding any. */
    private static int best(List<Integer> candidates, List<String> with, URI uri, List<String> htmls, List<String> texts) {
        int best = -1;
        int bestScore = 0;
        String path = uri.getRawPath() == null || uri.getRawPath().length() < 2 ? null : uri.getRawPath();
        int n = candidates == null ? texts.size() : candidates.size();
        for (int k = 0; k < n; k++) {
            int i = candidates == null ? k : candidates.get(k);
            int score = 0;
            for (String w : with) {
                if (texts.get(i).contains(normalize(w))) {
                    score += 2;
                }
            }
            if (score > 0 && path != null && htmls.get(i).contains(path)) {
                score++;
            }
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
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
