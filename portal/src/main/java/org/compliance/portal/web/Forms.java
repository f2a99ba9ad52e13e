package org.compliance.portal.web;

import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reading the few form values that are not plain text; a value that cannot be read is a 400 that says which. */
final class Forms {

    private Forms() {
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
