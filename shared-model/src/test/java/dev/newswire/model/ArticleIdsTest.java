package dev.newswire.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTPS://WWW.Example.COM/News/Story               | https://www.example.com/News/Story
            https://example.com:443/a                        | https://example.com/a
            http://example.com:80/a                          | http://example.com/a
            http://example.com:8080/a                        | http://example.com:8080/a
            https://example.com                              | https://example.com/
            https://example.com/a/#comments                  | https://example.com/a/
            https://example.com/a/                           | https://example.com/a/
            https://example.com/a                            | https://example.com/a
            https://example.com/a?utm_source=x&utm_medium=y  | https://example.com/a
            https://example.com/a?b=2&a=1&fbclid=abc         | https://example.com/a?a=1&b=2
            https://example.com/a?gclid=1&id=7&UTM_Campaign=z | https://example.com/a?id=7
            https://example.com/%7euser/%e3%83%8b            | https://example.com/~user/%E3%83%8B
            https://example.com/ニュース                      | https://example.com/%E3%83%8B%E3%83%A5%E3%83%BC%E3%82%B9
            https://user:pw@example.com/a                    | https://example.com/a
            https://example.com./a                           | https://example.com/a
            https://bücher.example/Straße                    | https://xn--bcher-kva.example/Stra%C3%9Fe
            https://example.com/a b                          | https://example.com/a%20b
            https://example.com/search?q=a%2Fb&page=2        | https://example.com/search?page=2&q=a%2Fb
            """)
    void canonicalizesSpellingsOfOneUrl(String url, String canonical) {
        assertThat(ArticleIds.canonicalize(url)).isEqualTo(canonical);
    }

    @Test
    void sameArticleUnderDifferentSpellingsHasOneId() {
        assertThat(ArticleIds.forUrl("https://Example.com/ニュース?utm_source=rss#top"))
                .isEqualTo(ArticleIds.forUrl("https://example.com:443/%E3%83%8B%E3%83%A5%E3%83%BC%E3%82%B9"))
                .hasSize(64)
                .matches("[0-9a-f]{64}");
    }

    @Test
    void pathCaseAndTrailingSlashMakeDifferentIds() {
        assertThat(ArticleIds.forUrl("https://example.com/A")).isNotEqualTo(ArticleIds.forUrl("https://example.com/a"));
        assertThat(ArticleIds.forUrl("https://example.com/a/")).isNotEqualTo(ArticleIds.forUrl("https://example.com/a"));
    }

    @Test
    void idIsSha256OfCanonicalUrl() {
        // sha-256 of "https://example.com/" computed independently (sha256sum).
        assertThat(ArticleIds.forUrl("HTTPS://EXAMPLE.COM"))
                .isEqualTo("0f115db062b7c0dd030b16878c99dea5c354b49dc37b38eb8846179c7783e9d7");
    }

    @Test
    void rejectsWhatIsNotAnHttpUrl() {
        assertThatThrownBy(() -> ArticleIds.canonicalize("ftp://example.com/a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
        assertThatThrownBy(() -> ArticleIds.canonicalize("/relative/path"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArticleIds.canonicalize(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> ArticleIds.canonicalize("https:///nohost"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
    }

    @Test
    void contentIdIgnoresWhitespaceAndWidthVariants() {
        assertThat(ArticleIds.forContent("米中　軍事対話\n\nＡＢＣ  1"))
                .isEqualTo(ArticleIds.forContent(" 米中 軍事対話 ABC 1 "))
                .isNotEqualTo(ArticleIds.forContent("米中 軍事対話 ABC 2"));
        assertThatThrownBy(() -> ArticleIds.forContent("  ")).isInstanceOf(IllegalArgumentException.class);
    }
}
