package dev.newswire.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlHintsTest {

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
