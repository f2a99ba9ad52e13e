package org.compliance.portal.web;

import jakarta.ws.rs.BadRequestException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.compliance.portal.backend.ETags;
import org.compliance.portal.backend.ServiceProblem;

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

    /** A text area's lines, each stripped, blank ones left out (one item, step or legal basis per line). */
    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    /** A date field (yyyy-MM-dd), or null when left blank; one that cannot be read is an error for its field. */
    static LocalDate day(String value, String field, List<ServiceProblem.FieldError> errors) {
        try {
            return given(value) == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new ServiceProblem.FieldError(field, "Give a date (year-month-day)."));
            return null;
        }
    }

    /** The case version a form carries, as If-Match; a form without one was not rendered by the case page. */
    static String caseIfMatch(Long version) {
        if (version == null) {
            throw new BadRequestException("The form lacks the case version; reload the case and try again.");
        }
        return ETags.ifMatch(version);
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
