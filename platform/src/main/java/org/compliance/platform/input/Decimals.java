package org.compliance.platform.input;

import java.math.BigDecimal;

/**
 * Decimal numbers the suite reads at all: at most 30 digits before the point and 10 after. Each field
 * narrows this further (money: {@code @Digits(integer = 15, fraction = 2)}). Jackson reads
 * {@code 1E+10000000} cheaply but prints it as ten million digits, and refuses on the way back a number it
 * wrote; so the bound is set where numbers come in.
 */
public final class Decimals {

    static final int MAX_INTEGER_DIGITS = 30;
    static final int MAX_FRACTION_DIGITS = 10;
    static final String RANGE = "Number is out of range: at most " + MAX_INTEGER_DIGITS + " digits before the "
            + "decimal point and " + MAX_FRACTION_DIGITS + " after";

    private Decimals() {
    }

    public static boolean inRange(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return plain.precision() - plain.scale() <= MAX_INTEGER_DIGITS && plain.scale() <= MAX_FRACTION_DIGITS;
    }
}
