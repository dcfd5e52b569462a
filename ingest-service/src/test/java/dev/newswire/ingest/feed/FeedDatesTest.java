package dev.newswire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Thu, 01 Aug 2019 16:15 EDT|2019-08-01T20:15:00Z",
            "mer, 16 nov 2022 00:38:15 +0100|2022-11-15T23:38:15Z",
            "Sat, 13 Feb 2021 00:00:00 +0000|2021-02-13T00:00:00Z",
            "Fri, 31 May 2019 12:17:58 -0700|2019-05-31T19:17:58Z",
            "1 Jan 21 12:00:00 GMT|2021-01-01T12:00:00Z",
            "Tue, 10 Jun 2003 04:00:00 PST|2003-06-10T12:00:00Z",
            "2003-12-13T08:29:29-04:00|2003-12-13T12:29:29Z",
            "2022-04-21|2022-04-21T00:00:00Z",
            "2020-05-20T00:01:59|2020-05-20T00:01:59Z"})
    void readsTheDatesFeedsCarry(String text, String expected) {
        assertThat(FeedDates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"yesterday", "Thu, 01 Foo 2019 16:15 EDT", "Thu, 01 Aug 2019 16:15 XYZ",
            "31 Feb 2021 10:00:00 GMT"})
    void givesNoDateRatherThanAWrongOne(String text) {
        assertThat(FeedDates.parse(text)).isNull();
    }

    @Test
    void aLongRunOfBlanksBeforeAForeignCharacterIsRefusedInLinearTime() {
        String hostile = "Wed, 16 Nov 2022 10:00" + " ".repeat(50) + "x";
        String huge = "Wed, 16 Nov 2022 10:00" + " \t".repeat(500_000) + "x";

        long start = System.nanoTime();
        Instant a = FeedDates.parse(hostile);
        Instant b = FeedDates.parse(huge);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(a).isNull();
        assertThat(b).isNull();
        assertThat(millis).isLessThan(200);
    }

    @Test
    void aDateWithBlanksBeforeItsZoneIsStillRead() {
        assertThat(FeedDates.parse("Wed, 16 Nov 2022 10:00:00    GMT")).isEqualTo(Instant.parse("2022-11-16T10:00:00Z"));
        assertThat(FeedDates.parse("16 Nov 2022 10:00 +0100")).isEqualTo(Instant.parse("2022-11-16T09:00:00Z"));
    }
}
