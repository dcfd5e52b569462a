package dev.newswire.cli.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.cli.NewswireCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NerCommandTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void japaneseLinesGetOneJsonLineEachWithCodePointOffsets() throws Exception {
        // 𠮷 is outside the BMP: one code point, two UTF-16 units, so offsets after it differ.
        String[] lines = {"𠮷野家の前でピート・ヘグセス国防長官は中国の董軍国防部長と会談した。", "", "特になし"};
        List<JsonNode> out = run(String.join("\n", lines) + "\n", "ner", "--lang", "ja");

        assertThat(out).hasSize(3);
        List<String> names = names(lines[0], out.get(0));
        assertThat(names).contains("PERSON ピート・ヘグセス", "PLACE 中国");
        assertThat(out.get(1).get("entities")).isEmpty();
    }

    @Test
    void englishLinesGetPersonsAndPlaces() throws Exception {
        String line = "Pete Hegseth met Dong Jun in Kuala Lumpur on Friday .";
        List<JsonNode> out = run(line + "\n", "ner", "--lang", "en");

        assertThat(names(line, out.get(0))).contains("PERSON Pete Hegseth", "PERSON Dong Jun", "PLACE Kuala Lumpur");
    }

    private static List<String> names(String line, JsonNode result) {
        int[] cp = line.codePoints().toArray();
        List<String> names = new ArrayList<>();
        for (JsonNode e : result.get("entities")) {
            int start = e.get("start").asInt();
            int end = e.get("end").asInt();
            names.add(e.get("type").asText() + " " + new String(cp, start, end - start));
        }
        return names;
    }

    private List<JsonNode> run(String stdin, String... args) throws Exception {
        PrintStream originalOut = System.out;
        InputStream originalIn = System.in;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            assertThat(new CommandLine(new NewswireCommand()).execute(args)).isZero();
        } finally {
            System.setOut(originalOut);
            System.setIn(originalIn);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : buffer.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }
}
