package org.compliance.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionsTest {

    @Test
    void theETagAsSent() {
        assertThat(Versions.expected("\"3\"")).isEqualTo(3);
        assertThat(Versions.expected("\"0\"")).isZero();
        assertThat(Versions.expected(Versions.tag(12).toString())).isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"3\"", "\"+3\"", "\"003\"", "3", "\"-1\"", "\"3\", \"4\"", "*", "\"3", "\"1e2\"",
            "\"99999999999999999999\""})
    void anythingElseIsRefused(String ifMatch) {
        assertThatThrownBy(() -> Versions.expected(ifMatch)).isInstanceOf(BadRequestException.class);
    }

    @Test
    void missingIsAPreconditionRequired() {
        assertThatThrownBy(() -> Versions.expected(null)).isInstanceOf(PreconditionRequired.class);
    }
}
