package org.compliance.platform.axon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants as the store writes them: the text {@link Instant#toString()} gives, {@code 2026-12-03T07:44:45.129Z}, in the
 * events' time stamps and in their payloads. Reading one per event through the general ISO formatter (what
 * {@link Instant#parse} and Jackson's {@link InstantDeserializer} use) was about a third of the time to rebuild a
 * 10,000-event case's state (bench/README.md). That one form is read directly; any other text goes to the general
 * parser, so every answer, and every refusal, is the general parser's.
 */
public final class StoredInstants {

    private StoredInstants() {
    }

    /** The instant the text names, as {@link Instant#parse} reads it. */
    public static Instant parse(String text) {
        Instant canonical = canonical(text);
        return canonical != null ? canonical : Instant.parse(text);
    }

    /** Jackson's reading of instants with the same shortcut; any other form as {@link InstantDeserializer} reads it. */
    static Module module() {
        return new SimpleModule("stored-instants").addDeserializer(Instant.class, new Deserializer());
    }

    /** The instant of a text in exactly the form {@link Instant#toString()} writes; null for any other text. */
    static Instant canonical(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21; // the digits between '.' and 'Z'
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(text, 20, 20 + fraction);
            for (int i = fraction; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException noSuchDate) {
            return null; // the general parser says why
        }
    }

    /** The number the digits from {@code start} to {@code end} make; -1 when any is not a digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static final class Deserializer extends StdScalarDeserializer<Instant> {

        Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant canonical = canonical(parser.getText());
                if (canonical != null) {
                    return canonical;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
