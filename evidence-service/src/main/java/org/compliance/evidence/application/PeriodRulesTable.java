package org.compliance.evidence.application;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.compliance.evidence.domain.PeriodRules;

/**
 * Reads how each authority counts periods: the table shipped in {@code period-rules.json}, or the operator's own
 * file ({@code compliance.evidence.period-rules}) in its place. A table that does not hold together stops the
 * service.
 */
public final class PeriodRulesTable {

    static final String SHIPPED = "/period-rules.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private PeriodRulesTable() {
    }

    public static PeriodRules load(Optional<Path> operatorFile) {
        if (operatorFile.isPresent()) {
            try (InputStream in = Files.newInputStream(operatorFile.get())) {
                return read(in, operatorFile.get().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the period rules in " + operatorFile.get(), e);
            }
        }
        try (InputStream in = PeriodRulesTable.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("The shipped period rules " + SHIPPED + " are missing");
            }
            return read(in, SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PeriodRules read(InputStream in, String where) throws IOException {
        try {
            return JSON.readValue(in, PeriodRules.class);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("The period rules in " + where + " are not a valid table: "
                    + e.getMessage(), e);
        }
    }
}
