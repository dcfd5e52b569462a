package dev.newswire.enrich.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient parsing of the date forms pages use in meta tags, JSON-LD, {@code <time>} and URLs. */
final class Dates {

    /** ISO-like: date, optional time with optional fraction, optional offset (+01:00, +0100, Z). */
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2})?");

    /** Dates in article paths: /2019/04/28/ or /2019-04-28/ (a year from 1995 on, to skip ids). */
    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:199[5-9]|20\\d{2}))[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:/|-|$)");

    private static final DateTimeFormatter RFC_1123 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("[EEE, ]d MMM yyyy HH:mm[:ss] ")
            .optionalStart().appendOffset("+HHMM", "GMT").optionalEnd()
            .optionalStart().appendZoneText(java.time.format.TextStyle.SHORT).optionalEnd()
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter(Locale.ENGLISH);

    private Dates() {
    }

    /** The instant a date string names; a date without a zone is taken as UTC. Null where unreadable. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        Matcher m = ISO.matcher(t);
        if (m.find()) {
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                LocalDateTime time = date.atStartOfDay();
                if (m.group(4) != null) {
                    int nanos = 0;
                    if (m.group(7) != null) {
                        nanos = Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
                    }
                    time = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
                }
                ZoneOffset offset = ZoneOffset.UTC;
                if (m.group(8) != null && !m.group(8).equals("Z")) {
                    String o = m.group(8).replace(":", "");
                    offset = ZoneOffset.ofHoursMinutes(Integer.parseInt(o.substring(0, 3)),
                            Integer.parseInt(o.charAt(0) + o.substring(3)));
                }
                return OffsetDateTime.of(time, offset).toInstant();
            } catch (RuntimeException e) {
                return null;
            }
        }
        try {
            return ZonedDateTime.parse(t, RFC_1123).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The date in an article URL's path, at midnight UTC, or null. */
    static Instant fromUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_DATE.matcher(url);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
