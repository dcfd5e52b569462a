package dev.newswire.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

    private static final String JAPANESE = "米中が軍事対話を再開";

    @Test
    void aPageIsReadInTheCharsetItDeclaresWithLatin1AsWindows1252() {
        byte[] latin = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                + "</head><body>Die Fähre – 3 €</body></html>").getBytes(Charset.forName("windows-1252"));
        byte[] polish = "<meta charset='windows-1250'><p>Sejm zagłosował</p>".getBytes(Charset.forName("windows-1250"));
        byte[] sjis = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
                + "</head><body><p>" + JAPANESE + "</p></body></html>").getBytes(Charset.forName("Shift_JIS"));
        byte[] eucJp = ("<meta charset=\"euc-jp\"><p>" + JAPANESE).getBytes(Charset.forName("EUC-JP"));

        assertThat(TextDecoding.decode(latin)).contains("Die Fähre – 3 €");
        assertThat(TextDecoding.decode(polish)).contains("Sejm zagłosował");
        assertThat(TextDecoding.decode(sjis, "text/html", true)).contains(JAPANESE);
        assertThat(TextDecoding.decode(eucJp, null, true)).contains(JAPANESE);
    }

    @Test
    void theHeaderCharsetWinsOverTheMetaTagAndLatin1InTheHeaderIsWindows1252Too() {
        byte[] page = ("<meta charset=\"iso-8859-1\"><p>" + JAPANESE).getBytes(StandardCharsets.UTF_8);
        byte[] euro = "<p>3 €</p>".getBytes(Charset.forName("windows-1252"));

        assertThat(TextDecoding.decode(page, "text/html; charset=UTF-8", true)).endsWith(JAPANESE);
        assertThat(TextDecoding.decode(euro, "text/html; charset=ISO-8859-1", true)).isEqualTo("<p>3 €</p>");
    }

    @Test
    void plainTextIsUtf8UnlessDeclaredAndKeepsItsBomOnlyWhenTheHeaderNamesTheCharset() {
        byte[] text = ("\uFEFF" + JAPANESE).getBytes(StandardCharsets.UTF_8);
        byte[] declaring = "<meta charset=\"windows-1250\"> zagłosował".getBytes(StandardCharsets.UTF_8);

        assertThat(TextDecoding.decode(text, "text/plain; charset=utf-8", false)).isEqualTo("\uFEFF" + JAPANESE);
        assertThat(TextDecoding.decode(text, "text/plain", false)).isEqualTo(JAPANESE);
        assertThat(TextDecoding.decode(declaring, "text/plain", false)).endsWith("zagłosował");
    }

    @Test
    void aStrayByteInAUtf8PageBecomesAReplacementCharacterInsteadOfFailingTheFile() {
        byte[] good = "<p>Die Fähre fährt wieder.</p>".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 1];
        System.arraycopy(good, 0, bad, 0, 3);
        bad[3] = (byte) 0x96;
        System.arraycopy(good, 3, bad, 4, good.length - 3);

        assertThat(TextDecoding.decode(bad)).isEqualTo("<p>\uFFFDDie Fähre fährt wieder.</p>");
    }

    @Test
    void aByteOrderMarkDecidesAndIsDropped() {
        byte[] utf16 = "\uFEFF<p>Fähre</p>".getBytes(StandardCharsets.UTF_16LE);
        byte[] utf16be = "\uFEFF<p>Fähre</p>".getBytes(StandardCharsets.UTF_16BE);
        byte[] utf8 = "\uFEFF<p>Fähre</p>".getBytes(StandardCharsets.UTF_8);

        assertThat(TextDecoding.decode(utf16)).isEqualTo("<p>Fähre</p>");
        assertThat(TextDecoding.decode(utf16be)).isEqualTo("<p>Fähre</p>");
        assertThat(TextDecoding.decode(utf8)).isEqualTo("<p>Fähre</p>");
    }

    @Test
    void anUnknownUtf16OrMissingDeclarationMeansUtf8() {
        assertThat(TextDecoding.declared("<meta charset=\"x-no-such-charset\"><p>x</p>".getBytes(StandardCharsets.US_ASCII)))
                .isNull();
        assertThat(TextDecoding.declared("<meta charset=\"utf-16\"><p>x</p>".getBytes(StandardCharsets.US_ASCII)))
                .isNull();
        assertThat(TextDecoding.declared("{\"title\":\"Fähre\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(TextDecoding.decode("{\"title\":\"Fähre\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"title\":\"Fähre\"}");
    }

    @Test
    void theMediaTypeIsLowerCaseWithoutParameters() {
        assertThat(TextDecoding.mediaType(" Text/HTML ; charset=UTF-8")).isEqualTo("text/html");
        assertThat(TextDecoding.mediaType("")).isNull();
        assertThat(TextDecoding.charsetOf("text/html; charset=\"Shift_JIS\"")).isEqualTo(Charset.forName("Shift_JIS"));
        assertThat(TextDecoding.charsetOf("text/html; charset=nonsense")).isNull();
    }
}
