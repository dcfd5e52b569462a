package dev.newswire.cli.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.cli.NewswireCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EnrichCommandsTest {

    @TempDir
    Path dir;

    @Test
    void extractPrintsOneEnrichedJsonLinePerFileWithItsFileName() throws Exception {
        Path page = dir.resolve("ferry.html");
        Files.writeString(page, """
                <html><head><title>Harbour ferry returns after winter repairs</title></head><body>
                <nav><a href="/">Home</a> <a href="/sport">Sport</a></nav><article>
                <p>The harbour ferry resumed its crossings on Friday morning after four months in dry dock, where
                engineers replaced both engines and rebuilt the passenger deck, the operator said.</p>
                <p>Commuters who had relied on a replacement bus service during the winter welcomed the return.</p>
                </article></body></html>""");
        Path dump = dir.resolve("dump.txt");
        Files.writeString(dump, "Skip to content\n\nDer Hafen bekommt eine neue Fähre\n\n"
                + "Die neue Fähre soll ab dem Sommer im Stundentakt zwischen der Altstadt und dem Hafen verkehren, "
                + "teilte die Stadtverwaltung am Montag mit.\n\n  • Mehr aus der Region\n");

        String out = run(null, "extract", page.toString(), dump.toString());

        String[] lines = out.strip().split("\n");
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode html = json.readTree(lines[0]);
        assertThat(html.get("file").asText()).isEqualTo(page.toString());
        assertThat(html.get("title").asText()).isEqualTo("Harbour ferry returns after winter repairs");
        assertThat(html.get("language").asText()).isEqualTo("en");
        assertThat(html.get("body").asText()).startsWith("The harbour ferry resumed").doesNotContain("Sport");
        JsonNode text = json.readTree(lines[1]);
        assertThat(text.get("file").asText()).isEqualTo(dump.toString());
        assertThat(text.get("language").asText()).isEqualTo("de");
        assertThat(text.get("body").asText()).startsWith("Die neue Fähre").doesNotContain("Mehr aus der Region");
    }

    /** 22 of the 800 pages are not UTF-8 (declared Latin-1, windows-1250, GB2312, or stray bytes): each is extracted. */
    @Test
    void extractReadsEveryTrafilaturaPageThatIsNotValidUtf8WithoutAnError() throws Exception {
        Path pages = Path.of(System.getProperty("newswire.shared.dir", "../../shared"), "eval", "extraction-trafilatura", "pages");
        Assumptions.assumeTrue(Files.isDirectory(pages), "../shared/eval/extraction-trafilatura is absent: " + pages);
        List<String> args = new ArrayList<>(List.of("extract"));
        try (DirectoryStream<Path> gz = Files.newDirectoryStream(pages, "*.gz")) {
            for (Path p : gz) {
                byte[] bytes;
                try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                    bytes = in.readAllBytes();
                }
                try {
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
                } catch (CharacterCodingException notUtf8) {
                    Path page = dir.resolve(args.size() + ".html");
                    Files.write(page, bytes);
                    args.add(page.toString());
                }
            }
        }

        String out = run(null, args.toArray(String[]::new));

        assertThat(args).hasSize(23);
        ObjectMapper json = new ObjectMapper();
        for (String line : out.strip().split("\n")) {
            JsonNode article = json.readTree(line);
            assertThat(article.has("error")).as(line).isFalse();
            assertThat(article.get("body").asText()).isNotBlank();
        }
    }

    @Test
    void langidPrintsOneCodePerInputLine() throws Exception {
        String out = run("water parks\nこんにちは世界\n안녕하세요\nguten Morgen allerseits\n12 34\n", "langid");
        assertThat(out.split("\n")).containsExactly("en", "ja", "ko", "de", "und");
    }

    private static String run(String stdin, String... args) {
        PrintStream originalOut = System.out;
        InputStream originalIn = System.in;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(new CommandLine(new NewswireCommand()).execute(args)).isZero();
        } finally {
            System.setOut(originalOut);
            System.setIn(originalIn);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
