package dev.newswire.cli.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileTextTest {

    @Test
    void aPageIsReadInTheCharsetItDeclaresWithLatin1AsWindows1252() {
        byte[] latin = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body>Die Fähre – 3 €</body></html>"
                .getBytes(Charset.forName("windows-1252"));
        byte[] polish = "<meta charset='windows-1250'><p>Sejm zagłosował</p>".getBytes(Charset.forName("windows-1250"));

        assertThat(FileText.decode(latin)).contains("Die Fähre – 3 €");
        assertThat(FileText.decode(polish)).contains("Sejm zagłosował");
    }

    @Test
    void aStrayByteInAUtf8PageBecomesAReplacementCharacterInsteadOfFailingTheFile() {
        byte[] good = "<p>Die Fähre fährt wieder.</p>".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 1];
        System.arraycopy(good, 0, bad, 0, 3);
        bad[3] = (byte) 0x96;
        System.arraycopy(good, 3, bad, 4, good.length - 3);

        assertThat(FileText.decode(bad)).isEqualTo("<p>\uFFFDDie Fähre fährt wieder.</p>");
    }

    @Test
    void aByteOrderMarkDecidesAndIsDropped() {
        byte[] utf16 = "\uFEFF<p>Fähre</p>".getBytes(StandardCharsets.UTF_16LE);
        byte[] utf8 = "\uFEFF<p>Fähre</p>".getBytes(StandardCharsets.UTF_8);

        assertThat(FileText.decode(utf16)).isEqualTo("<p>Fähre</p>");
        assertThat(FileText.decode(utf8)).isEqualTo("<p>Fähre</p>");
    }

    @Test
    void anUnknownOrMissingDeclarationMeansUtf8() {
        assertThat(FileText.declared("<meta charset=\"x-no-such-charset\"><p>x</p>".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(StandardCharsets.UTF_8);
        assertThat(FileText.declared("{\"title\":\"Fähre\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(FileText.decode("{\"title\":\"Fähre\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo("{\"title\":\"Fähre\"}");
    }
}
