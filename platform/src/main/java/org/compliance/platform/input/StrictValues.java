package org.compliance.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How the scalar values of a request body are read: text by {@link Text}'s rules, instants and dates in
 * ISO-8601 only and within {@link Moments}' range, decimals within {@link Decimals}' range. Each refusal
 * carries the JSON path, so the answer names the field.
 */
final class StrictValues {

    private StrictValues() {
    }

    static SimpleModule module() {
        return new SimpleModule("compliance-strict-values")
                .addDeserializer(String.class, new TextDeserializer())
                .addDeserializer(Instant.class, new InstantDeserializer())
                .addDeserializer(LocalDate.class, new LocalDateDeserializer())
                .addDeserializer(BigDecimal.class, new DecimalDeserializer())
                .setDeserializerModifier(new ExactEnumNames());
    }

    static final class TextDeserializer extends StdScalarDeserializer<String> {
        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            var refusal = Text.refusal(text, true);
            if (refusal.isPresent()) {
                throw InvalidFormatException.from(p, "Text " + refusal.get(), null, String.class);
            }
            if (Text.isInvisibleOnly(text)) {
                throw InvalidFormatException.from(p, "Text is made only of invisible characters", null,
                        String.class);
            }
            return text;
        }
    }

    /**
     * Jackson finds an enum constant for a name with surrounding characters up to U+0020 by trimming it, so
     * {@code "ORGANISATION\u0000"} and {@code " PERSON"} would pass as values. A value is one of the names exactly.
     */
    static final class ExactEnumNames extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                          BeanDescription description, JsonDeserializer<?> names) {
            return new ExactEnumName(names);
        }
    }

    static final class ExactEnumName extends DelegatingDeserializer {
        ExactEnumName(JsonDeserializer<?> names) {
            super(names);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> names) {
            return new ExactEnumName(names);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING) && !p.getText().equals(p.getText().trim())) {
                throw InvalidFormatException.from(p, "Not one of the values: a value has no spaces or control "
                        + "characters around it", p.getText(), handledType());
            }
            return super.deserialize(p, ctxt);
        }
    }

    static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            try {
                return Moments.instant(p.getText());
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(p, e.getMessage(), null, Instant.class);
            }
        }
    }

    static final class LocalDateDeserializer extends StdScalarDeserializer<LocalDate> {
        LocalDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            try {
                return Moments.date(p.getText());
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(p, e.getMessage(), null, LocalDate.class);
            }
        }
    }

    static final class DecimalDeserializer extends StdScalarDeserializer<BigDecimal> {
        DecimalDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            BigDecimal value = p.getDecimalValue();
            if (!Decimals.inRange(value)) {
                throw InvalidFormatException.from(p, Decimals.RANGE, null, BigDecimal.class);
            }
            return value;
        }
    }
}
