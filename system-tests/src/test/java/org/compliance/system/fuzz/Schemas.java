package org.compliance.system.fuzz;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** What the fuzzer reads from a schema, for OpenAPI 3.0 and 3.1 documents alike. */
final class Schemas {

    private Schemas() {
    }

    /** The schema's type; in 3.1 the first of its types that is not {@code null}. */
    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            for (String type : schema.getTypes()) {
                if (!"null".equals(type)) {
                    return type;
                }
            }
        }
        if (schema.getProperties() != null) {
            return "object";
        }
        if (schema.getItems() != null) {
            return "array";
        }
        return "string";
    }

    /**
     * The schema's pattern, matched whole as the services' bean validation does; {@code \\S}, which stands for
     * "not blank", counts as none.
     */
    static Optional<Pattern> pattern(Schema<?> schema) {
        if (schema == null || schema.getPattern() == null || schema.getPattern().equals("\\S")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(schema.getPattern()));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    static BigDecimal minimum(Schema<?> schema) {
        if (schema.getExclusiveMinimumValue() != null) {
            return schema.getExclusiveMinimumValue().add(BigDecimal.ONE);
        }
        BigDecimal minimum = schema.getMinimum();
        return minimum != null && Boolean.TRUE.equals(schema.getExclusiveMinimum()) ? minimum.add(BigDecimal.ONE) : minimum;
    }

    static BigDecimal maximum(Schema<?> schema) {
        if (schema.getExclusiveMaximumValue() != null) {
            return schema.getExclusiveMaximumValue().subtract(BigDecimal.ONE);
        }
        BigDecimal maximum = schema.getMaximum();
        return maximum != null && Boolean.TRUE.equals(schema.getExclusiveMaximum()) ? maximum.subtract(BigDecimal.ONE) : maximum;
    }

    /** Whole numbers within the documented bounds, near the bottom of them. */
    static Arbitrary<Long> integers(Schema<?> schema) {
        BigDecimal min = minimum(schema);
        BigDecimal max = maximum(schema);
        long low = min != null ? min.setScale(0, java.math.RoundingMode.CEILING).longValueExact() : 0;
        long high = max != null ? max.setScale(0, java.math.RoundingMode.FLOOR).longValueExact() : low + 1000;
        return Arbitraries.longs().between(low, Math.max(low, Math.min(high, low + 1000)));
    }

    /** The first values outside each documented bound. */
    static List<BigDecimal> bounds(Schema<?> schema) {
        List<BigDecimal> outside = new ArrayList<>();
        Optional.ofNullable(minimum(schema)).ifPresent(min -> outside.add(min.subtract(BigDecimal.ONE)));
        Optional.ofNullable(maximum(schema)).ifPresent(max -> outside.add(max.add(BigDecimal.ONE)));
        return outside;
    }

    static boolean outside(Schema<?> schema, BigDecimal value) {
        if (schema == null) {
            return false;
        }
        BigDecimal min = minimum(schema);
        BigDecimal max = maximum(schema);
        return (min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0);
    }
}
