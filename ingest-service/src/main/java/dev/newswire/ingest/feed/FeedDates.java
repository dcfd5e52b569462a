package dev.newswire.ingest.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient parsing of the dates feeds really carry: RFC 3339 / ISO 8601 and RFC 822 with its variants
 * (no seconds, two-digit years, North American zone names, day names in other languages).
 *
 * <p>Rome reads most of them, but gets {@code EDT} wrong by an hour and gives up on a day name that is
 * not English ({@code mer, 16 nov 2022 …}); the day name carries no information, so it is skipped.
 */
final class FeedDates {

    /**
     * Possessive quantifiers and no optional runs of blanks next to each other: the match is linear in the
     * text (the greedy form spent time quadratic in a run of blanks before a character that does not fit).
     */
    private static final Pattern RFC_822 = Pattern.compile(
            "(?:\\p{L}++\\.?+,?+\\s*+)?+(\\d{1,2}+)[\\s-]++(\\p{L}++)\\.?+[\\s-]++(\\d{2,4}+)\\s++(\\d{1,2}+):(\\d{2})"
                    + "(?::(\\d{2}))?+(?:\\.\\d++)?+(?:\\s*+([+-]\\d{2}:?+\\d{2}|\\p{L}++))?+");

    /** No date of any feed is longer; a longer text is not parsed at all. */
    static final int MAX_LENGTH = 100;

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    /** RFC 822 zone names, in hours from UTC. */
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0),
            Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
            Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7));

    private FeedDates() {
    }

    /** The instant, or {@code null} when the text is no date this parser knows. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        if (s.length() > MAX_LENGTH) {
            return null;
        }
        Instant iso = iso(s);
        return iso != null ? iso : rfc822(s);
    }

    private static Instant iso(String s) {
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // not a full RFC 3339 timestamp; try the shorter ISO forms
        }
        try {
            return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant rfc822(String s) {
        Matcher m = RFC_822.matcher(s);
        if (!m.matches()) {
            return null;
        }
        String monthName = m.group(2).toLowerCase(Locale.ROOT);
        Integer month = monthName.length() >= 3 ? MONTHS.get(monthName.substring(0, 3)) : null;
        ZoneOffset offset = offset(m.group(7));
        if (month == null || offset == null) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900;
        }
        try {
            return OffsetDateTime.of(year, month, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), 0, offset)
                    .toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The zone of an RFC 822 date; none at all is read as UTC, an unknown name gives {@code null}. */
    private static ZoneOffset offset(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        if (zone.startsWith("+") || zone.startsWith("-")) {
            String digits = zone.replace(":", "");
            int hours = Integer.parseInt(digits.substring(1, 3));
            int minutes = Integer.parseInt(digits.substring(3, 5));
            int sign = zone.startsWith("-") ? -1 : 1;
            try {
                return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (DateTimeException e) {
                return null;
            }
        }
        Integer hours = ZONES.get(zone.toUpperCase(Locale.ROOT));
        return hours == null ? null : ZoneOffset.ofHours(hours);
    }
}
