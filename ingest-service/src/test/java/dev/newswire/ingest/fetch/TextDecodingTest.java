package dev.newswire.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

    private static final String JAPANESE = "米中が軍事対話を再開";

    @Test
    void usesTheMetaCharsetOfAnHtmlPageSentWithoutOne() {
        Charset sjis = Charset.forName("Shift_JIS");
        byte[] page = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
                + "</head><body><p>" + JAPANESE + "</p></body></html>").getBytes(sjis);

        assertThat(TextDecoding.decode(page, "text/html", true)).contains(JAPANESE);
        assertThat(TextDecoding.decode(("<meta charset=\"euc-jp\"><p>" + JAPANESE)
                .getBytes(Charset.forName("EUC-JP")), null, true)).contains(JAPANESE);
    }

    @Test
    void theHeaderCharsetWinsOverTheMetaTag() {
        byte[] page = ("<meta charset=\"iso-8859-1\"><p>" + JAPANESE).getBytes(StandardCharsets.UTF_8);

        assertThat(TextDecoding.decode(page, "text/html; charset=UTF-8", true)).endsWith(JAPANESE);
    }

    @Test
    void plainTextIsUtf8UnlessDeclaredAndKeepsItsBom() {
        byte[] text = ("\uFEFF" + JAPANESE).getBytes(StandardCharsets.UTF_8);

        assertThat(TextDecoding.decode(text, "text/plain; charset=utf-8", false)).isEqualTo("\uFEFF" + JAPANESE);
        assertThat(TextDecoding.decode(text, "text/plain", false)).isEqualTo(JAPANESE);
    }

    @Test
    void findsTheUrlAPageDeclares() {
        assertThat(HtmlHints.canonicalUrl("<html><head><link rel=\"canonical\" href=\"https://news.example/a?x=1\">"
                + "<meta property=\"og:url\" content=\"https://other.example/\"></head></html>"))
                .isEqualTo("https://news.example/a?x=1");
        assertThat(HtmlHints.canonicalUrl("<meta property=\"og:url\" content=\"https://news.example/b\">"))
                .isEqualTo("https://news.example/b");
        assertThat(HtmlHints.canonicalUrl("<link rel=\"canonical\" href=\"/relative\"><p>x</p>")).isNull();
    }

    @Test
    void theDeclaredUrlOfAHugePageIsReadFromItsHeadAlone() {
        String page = "<html><head><link rel=\"canonical\" href=\"https://news.example/huge\"></head><body>"
                + "<b>x</b>".repeat(250_000) + "</body></html>";
        long start = System.nanoTime();

        String url = HtmlHints.canonicalUrl(page);

        assertThat(url).isEqualTo("https://news.example/huge");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
    }
}
