package org.compliance.cases.application;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.compliance.cases.domain.PenaltyRegimes;

/**
 * Reads the penalty regimes: the table shipped in {@code penalty-regimes.json}, or the operator's own file
 * ({@code compliance.cases.penalty-regimes}) in its place. A table that does not hold together stops the service.
 */
public final class PenaltyRegimeTable {

    static final String SHIPPED = "/penalty-regimes.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PenaltyRegimeTable() {
    }

    public static PenaltyRegimes load(Optional<Path> operatorFile) {
        if (operatorFile.isPresent()) {
            try (InputStream in = Files.newInputStream(operatorFile.get())) {
                return read(in, operatorFile.get().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the penalty regimes in " + operatorFile.get(), e);
            }
        }
        try (InputStream in = PenaltyRegimeTable.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("The shipped penalty regimes " + SHIPPED + " are missing");
            }
            return read(in, SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PenaltyRegimes read(InputStream in, String where) throws IOException {
        try {
            return JSON.readValue(in, PenaltyRegimes.class);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("The penalty regimes in " + where + " are not a valid table: "
                    + e.getMessage(), e);
        }
    }
}
