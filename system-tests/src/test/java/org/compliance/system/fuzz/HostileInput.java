package org.compliance.system.fuzz;

import java.util.List;

/**
 * The kinds of input issue 13 found breaking or slipping past the services, as values to put anywhere a
 * schema allows text, numbers, instants or versions. Each comes with whether any field must refuse it.
 */
final class HostileInput {

    private HostileInput() {
    }

    /** A value and why it is odd. */
    record Odd(String value, String why) {
    }

    /** Text no field holds: PostgreSQL refuses U+0000 and a lone surrogate is no character at all. */
    static final List<Odd> UNSTORABLE_TEXT = List.of(
            new Odd("\u0000", "U+0000"),
            new Odd("Consent\u0000for training", "U+0000 inside text"),
            new Odd("\u0001", "the C0 control U+0001"),
            new Odd("bell\u0007", "the C0 control U+0007"),
            new Odd("\u001b[31mred", "an ANSI escape (U+001B)"),
            new Odd("del\u007f", "U+007F DELETE"),
            new Odd("next\u0085line", "the C1 control U+0085"),
            new Odd("\u009b31m", "the C1 control U+009B"),
            new Odd("\ud800", "a lone high surrogate"),
            new Odd("x\udc00y", "a lone low surrogate"),
            new Odd("\udbff\udbff", "two high surrogates"));

    /** Text that looks like something but shows nothing: a required text must refuse it. */
    static final List<Odd> INVISIBLE_TEXT = List.of(
            new Odd("", "an empty string"),
            new Odd("   ", "spaces only"),
            new Odd("\u200b", "a zero-width space only"),
            new Odd("\u200b\u200c\u200d", "zero-width characters only"),
            new Odd("\ufeff", "a byte-order mark only"),
            new Odd("\u2060\u2060", "word joiners only"),
            new Odd("\u00a0\u3000", "no-break and ideographic spaces only"),
            new Odd("\u00ad", "a soft hyphen only"),
            new Odd("\u180e", "a Mongolian vowel separator only"),
            new Odd(" \u200b\u2028 ", "spaces, a zero-width space and a line separator"));

    /** Text that is fine to store and must not break anything either way. */
    static final List<Odd> AWKWARD_TEXT = List.of(
            new Odd("\\", "a backslash"),
            new Odd("type\\", "a trailing backslash"),
            new Odd("%", "a percent sign"),
            new Odd("100%_off", "LIKE wildcards"),
            new Odd("'; DROP TABLE case_view; --", "SQL in text"),
            new Odd("<script>alert(1)</script>", "markup"),
            new Odd("Zoë's café — 漢字 \ud83d\ude00", "non-ASCII letters and an emoji"),
            new Odd("line one\nline two\ttab", "a newline and a tab"),
            new Odd("../../etc/passwd", "a path"),
            new Odd("${jndi:ldap://x}", "an expression"));

    /** Number tokens too big, too precise or too small for anything the suite stores. */
    static final List<Odd> HUGE_NUMBERS = List.of(
            new Odd("1E+1001", "1E+1001"),
            new Odd("1E+10000000", "1E+10000000"),
            new Odd("-1E+1001", "-1E+1001"),
            new Odd("1E-1001", "1E-1001"),
            new Odd("9" .repeat(1200), "a 1200-digit number"),
            new Odd("0." + "0".repeat(1100) + "1", "a number with 1101 decimals"));

    /** Number tokens that are odd but small. */
    static final List<Odd> ODD_NUMBERS = List.of(
            new Odd("2147483648", "2^31"),
            new Odd("-2147483649", "-2^31 - 1"),
            new Odd("9223372036854775808", "2^63"),
            new Odd("1.5", "a fraction"),
            new Odd("-0", "minus zero"),
            new Odd("1e2", "an exponent"),
            new Odd("123456789012345678901234567890.123456789", "30 digits with 9 decimals"));

    /** Dates and instants that are not ISO-8601 dates of the kind the field holds. */
    static final List<Odd> BAD_DATES = List.of(
            new Odd("", "an empty date"),
            new Odd("0", "\"0\" as a date"),
            new Odd("2026-02-30", "30 February"),
            new Odd("2026-1-1", "a date without leading zeros"),
            new Odd("+999999-01-01", "year +999999"),
            new Odd("-290000-01-01", "year -290000"),
            new Odd("2026-01-01T00:00:00Z", "an instant where a date is expected"));

    static final List<Odd> BAD_INSTANTS = List.of(
            new Odd("", "an empty instant"),
            new Odd("0", "\"0\" as an instant"),
            new Odd("+999999-01-01T00:00:00Z", "an instant in year +999999 (beyond PostgreSQL)"),
            new Odd("-290000-01-01T00:00:00Z", "an instant in year -290000 (beyond PostgreSQL)"),
            new Odd("294277-01-01T00:00:00Z", "an instant just past PostgreSQL's last year"),
            new Odd("-4714-01-01T00:00:00Z", "an instant before PostgreSQL's first day"),
            new Odd("2026-13-01T00:00:00Z", "month 13"),
            new Odd("2026-06-01T25:00:00Z", "hour 25"),
            new Odd("2026-06-01", "a date where an instant is expected"),
            new Odd("2026-06-01T10:00:00", "an instant without a zone"));

    static final List<Odd> BAD_UUIDS = List.of(
            new Odd("", "an empty id"),
            new Odd("not-a-uuid", "not a UUID"),
            new Odd("00000000-0000-0000-0000-00000000000g", "a UUID with a g"),
            new Odd("6f1c2a34-8d7e-4b1a-9c3d-2e5f6a7b8c9d\u0000", "a UUID followed by U+0000"));

    /** Query values for integers that are not plain integers in range. */
    static final List<Odd> BAD_INTEGER_PARAMETERS = List.of(
            new Odd("-1", "-1"),
            new Odd("2147483648", "2^31"),
            new Odd("99999999999999999999", "20 digits"),
            new Odd("1e3", "an exponent"),
            new Odd("0x10", "hexadecimal"),
            new Odd(" 1", "a leading space"),
            new Odd("1.5", "a fraction"),
            new Odd("abc", "letters"),
            new Odd("\u0000", "U+0000"));

    /** Values of page (and size) whose product overflows an int. */
    static final List<Odd> PAGE_OVERFLOW = List.of(
            new Odd("2147483647", "the largest int"),
            new Odd("21474837", "a page whose offset overflows an int"),
            new Odd("1000000", "a page far past the end"));

    static final List<Odd> BAD_BOOLEANS = List.of(
            new Odd("maybe", "maybe"),
            new Odd("1", "1"),
            new Odd("yes", "yes"),
            new Odd("\u0000", "U+0000"));

    /** If-Match values that are not the strong ETag of a version; {@code %v} stands for the current version. */
    static final List<Odd> ODD_IF_MATCH = List.of(
            new Odd("W/\"%v\"", "a weak ETag"),
            new Odd("\"+%v\"", "a plus sign in the ETag"),
            new Odd("\"00%v\"", "leading zeros in the ETag"),
            new Odd("%v", "an unquoted version"),
            new Odd("\"%v", "an unclosed quote"),
            new Odd("\"%v\", \"%v\"", "two ETags"),
            new Odd("\"-1\"", "a negative version"),
            new Odd("\"9223372036854775808\"", "a version past the largest long"),
            new Odd("\"\"", "an empty ETag"),
            new Odd("", "an empty If-Match"));
}
