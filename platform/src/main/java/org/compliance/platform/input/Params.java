package org.compliance.platform.input;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the values of query, path and header parameters by the suite's rules, so that a value that is not
 * what the parameter holds is a 400 naming the parameter and what it takes, never a silent default, a 404
 * or a failure further in. An empty value counts as absent. {@link StrictParams} applies these to typed parameters; resources that take a
 * parameter as text call them directly.
 */
public final class Params {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

    private Params() {
    }

    /** A parameter sent empty ({@code ?from=}, as a form with an empty field sends it) is one not sent. */
    static boolean absent(String value) {
        return value == null || value.isEmpty();
    }

    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> allowed) {
        if (absent(value)) {
            return null;
        }
        for (E constant : allowed.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidParameter(name, name + " must be one of " + Arrays.toString(allowed.getEnumConstants()));
    }

    public static Instant instant(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return Moments.instant(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(name, name + " must be " + Moments.INSTANT_FORMAT);
        }
    }

    public static LocalDate date(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return Moments.date(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(name, name + " must be " + Moments.DATE_FORMAT);
        }
    }

    public static Boolean bool(String name, String value) {
        if (absent(value)) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidParameter(name, name + " must be true or false");
        };
    }

    public static Long wholeNumber(String name, String value, long min, long max) {
        if (absent(value)) {
            return null;
        }
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            throw new InvalidParameter(name, name + " must be a whole number from " + min + " to " + max);
        }
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            throw new InvalidParameter(name, name + " must be a whole number from " + min + " to " + max);
        }
        return number;
    }

    public static UUID uuid(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            if (!id.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException(value);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(name, name + " must be a UUID such as 7f1e8c52-0d1a-4b8e-9a37-2c7b3f1d9e40");
        }
    }
}
