package dev.newswire.cli.enrich;

import dev.newswire.enrich.language.LanguageIdentifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code ./newswire langid}: one ISO 639-1 code per line of standard input (ja zh ko en de fr es it
 * pt nl ru id), {@code und} for a line without letters.
 */
@Command(name = "langid", description = "Identify the language of each line on stdin: one ISO 639-1 code per line.")
public final class LangidCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        LanguageIdentifier identifier = LanguageIdentifier.create();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String code = identifier.identify(line);
            out.println(code == null ? "und" : code);
            if (!in.ready()) {
                out.flush();
            }
        }
        out.flush();
        return 0;
    }
}
