package org.compliance.portal.web;

import jakarta.ws.rs.BadRequestException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reading the few form values that are not plain text; a value that cannot be read is a 400 that says which. */
final class Forms {

    private Forms() {
    }

    static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    /** A filter's value, or null when the form left it blank (a blank filter is no filter, not an empty one). */
    static String given(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** One path segment of the page to go to after a form, percent-encoded: ids never change the path's shape. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Instant endOfDay(String day, String what) {
        try {
            return Formats.endOfDayInLondon(day);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BadRequestException("Choose " + what + " (a date).");
        }
    }

    static Instant moment(String local, String what) {
        try {
            return Formats.londonMoment(local);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BadRequestException("Choose " + what + " (a date and a time, UK time).");
        }
    }
}
