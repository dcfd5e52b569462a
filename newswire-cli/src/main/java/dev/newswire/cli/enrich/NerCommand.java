package dev.newswire.cli.enrich;

import dev.newswire.enrich.entities.NamedEntityRecognizer;
import dev.newswire.enrich.entities.Span;
import dev.newswire.enrich.tagging.Tagging;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./newswire ner --lang ja|en}: one JSON line per line of standard input,
 * {@code {"entities":[{"start":i,"end":j,"type":"PERSON"}…]}}, offsets in code points of the line,
 * end exclusive. Loads only the tagger of that language, and answers each line as it comes.
 */
@Command(name = "ner", description = "Named entities of each line on stdin: one JSON line per line, code point offsets.")
public final class NerCommand implements Callable<Integer> {

    @Option(names = "--lang", required = true, description = "Language of the lines: ja or en.")
    String language;

    @Override
    public Integer call() throws IOException {
        NamedEntityRecognizer recognizer = Tagging.recognizer(language);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        StringBuilder json = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            json.setLength(0);
            json.append("{\"entities\":[");
            List<Span> spans = recognizer.find(line);
            for (int i = 0; i < spans.size(); i++) {
                Span span = spans.get(i);
                json.append(i == 0 ? "" : ",").append("{\"start\":").append(span.start()).append(",\"end\":")
                        .append(span.end()).append(",\"type\":\"").append(span.type().name()).append("\"}");
            }
            out.println(json.append("]}"));
            if (!in.ready()) {
                out.flush();
            }
        }
        out.flush();
        return 0;
    }
}
