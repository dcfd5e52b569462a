package dev.newswire.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void readsTheFormsPagesUse() {
        assertThat(Dates.parse("2015-07-10T09:53:00-04:00")).isEqualTo(Instant.parse("2015-07-10T13:53:00Z"));
        assertThat(Dates.parse("2021-11-01T10:52:50+0100")).isEqualTo(Instant.parse("2021-11-01T09:52:50Z"));
        assertThat(Dates.parse("2017-11-03 03:01:00.000000")).isEqualTo(Instant.parse("2017-11-03T03:01:00Z"));
        assertThat(Dates.parse("2019-01-03T07:00:02.000Z")).isEqualTo(Instant.parse("2019-01-03T07:00:02Z"));
        assertThat(Dates.parse("2024-06-25")).isEqualTo(Instant.parse("2024-06-25T00:00:00Z"));
        assertThat(Dates.parse("Wed, 21 Dec 2016 18:30:00 GMT")).isEqualTo(Instant.parse("2016-12-21T18:30:00Z"));
        assertThat(Dates.parse("not a date")).isNull();
    }

    @Test
    void findsTheDateInAnArticleUrl() {
        assertThat(Dates.fromUrl("https://example.com/news/2019/04/28/ferry-returns"))
                .isEqualTo(Instant.parse("2019-04-28T00:00:00Z"));
        assertThat(Dates.fromUrl("https://example.com/2019-4-8/ferry")).isEqualTo(Instant.parse("2019-04-08T00:00:00Z"));
        assertThat(Dates.fromUrl("https://example.com/item/12345678/ferry")).isNull();
    }
}
