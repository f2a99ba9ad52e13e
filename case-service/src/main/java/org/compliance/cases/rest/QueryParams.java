package org.compliance.cases.rest;

import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** Query parameters read by hand, so that a wrong value is a 400 that names the allowed ones. */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> String oneOf(String name, String value, Class<E> allowed) {
        if (value == null) {
            return null;
        }
        for (E constant : allowed.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return value;
            }
        }
        throw new BadRequestException(name + " must be one of " + Arrays.toString(allowed.getEnumConstants())
                + ", not " + value);
    }

    static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
