package org.compliance.platform.input;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Instants and dates the suite accepts: ISO-8601 text with a four-digit year (1 to 9999), an instant with its
 * UTC offset. PostgreSQL, Java and every JSON reader agree on this range; beyond it, a value can be stored
 * in an event that a view or another reader then cannot hold.
 */
public final class Moments {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    static final String INSTANT_FORMAT = "an ISO-8601 instant with its offset, e.g. 2026-01-31T17:00:00Z, "
            + "in the years 0001 to 9999";
    static final String DATE_FORMAT = "an ISO-8601 date, e.g. 2026-01-31, in the years 0001 to 9999";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE
            .withResolverStyle(ResolverStyle.STRICT);

    private Moments() {
    }

    /** Parses an instant, or throws {@link IllegalArgumentException} saying what is expected. */
    public static Instant instant(String text) {
        try {
            Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST) || !fourDigitYear(text)) {
                throw new IllegalArgumentException("Must be " + INSTANT_FORMAT);
            }
            return instant;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("Must be " + INSTANT_FORMAT);
        }
    }

    /** Parses a date, or throws {@link IllegalArgumentException} saying what is expected. */
    public static LocalDate date(String text) {
        try {
            LocalDate date = LocalDate.parse(text, DATE);
            if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE) || !fourDigitYear(text)) {
                throw new IllegalArgumentException("Must be " + DATE_FORMAT);
            }
            return date;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Must be " + DATE_FORMAT);
        }
    }

    private static boolean fourDigitYear(String text) {
        return text.length() >= 5 && Character.isDigit(text.charAt(0)) && text.charAt(4) == '-';
    }
}
