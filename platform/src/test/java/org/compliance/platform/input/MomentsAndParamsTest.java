package org.compliance.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MomentsAndParamsTest {

    @Test
    void instantsWithTheirOffsetInFourDigitYears() {
        assertThat(Moments.instant("2026-01-31T17:00:00Z")).isEqualTo(Instant.parse("2026-01-31T17:00:00Z"));
        assertThat(Moments.instant("2026-01-31T17:00:00+01:00")).isEqualTo(Instant.parse("2026-01-31T16:00:00Z"));
        assertThat(Moments.instant("9999-12-31T23:59:59Z")).isBefore(Moments.LATEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "1700000000", "2026-01-31", "2026-01-31T17:00:00", "+999999-01-01T00:00:00Z",
            "-290000-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "0000-12-31T23:00:00Z", "2026-02-30T00:00:00Z",
            "2026-01-31T17:00:00Z junk"})
    void otherInstantsAreRefused(String text) {
        assertThatThrownBy(() -> Moments.instant(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO-8601");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "2026-1-31", "2026-02-29", "+10000-01-01", "-0001-01-01", "31/01/2026",
            "2026-01-31T00:00:00Z"})
    void otherDatesAreRefused(String text) {
        assertThatThrownBy(() -> Moments.date(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void datesInFourDigitYears() {
        assertThat(Moments.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void decimalsWithinThirtyDigitsBeforeAndTenAfterThePoint() {
        assertThat(Decimals.inRange(new BigDecimal("17500000.00"))).isTrue();
        assertThat(Decimals.inRange(new BigDecimal("1E+29"))).isTrue();
        assertThat(Decimals.inRange(new BigDecimal("1E+1001"))).isFalse();
        assertThat(Decimals.inRange(new BigDecimal("1E+10000000"))).isFalse();
        assertThat(Decimals.inRange(new BigDecimal("1E-11"))).isFalse();
        assertThat(Decimals.inRange(new BigDecimal("0.10000000000000000000"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "TRUE", "1", "yes", " true"})
    void booleansAreTrueOrFalse(String text) {
        assertThatThrownBy(() -> Params.bool("overdue", text)).isInstanceOf(InvalidParameter.class)
                .hasMessage("overdue must be true or false");
        assertThat(Params.bool("overdue", "true")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999", "1e3", "+3", "003", "3.0", " 3", "0x10", "2147483648"})
    void wholeNumbersAreDecimalWithinTheirRange(String text) {
        assertThatThrownBy(() -> Params.wholeNumber("page", text, 0, Integer.MAX_VALUE))
                .isInstanceOf(InvalidParameter.class).extracting(e -> ((InvalidParameter) e).parameter())
                .isEqualTo("page");
        assertThat(Params.wholeNumber("page", "42", 0, 100)).isEqualTo(42L);
    }

    @Test
    void uuidsInTheirCanonicalForm() {
        assertThat(Params.uuid("id", "7f1e8c52-0d1a-4b8e-9a37-2c7b3f1d9e40")).isNotNull();
        assertThatThrownBy(() -> Params.uuid("id", "1-2-3-4-5")).isInstanceOf(InvalidParameter.class);
    }

    @Test
    void urlPartsAreStrictUtf8() {
        assertThat(InboundRequests.decode("caf%C3%A9", false)).isEqualTo("café");
        assertThat(InboundRequests.decode("a+b", true)).isEqualTo("a b");
        assertThat(InboundRequests.decode("%C3", false)).isNull();
        assertThat(InboundRequests.decode("%ED%A0%80", false)).isNull();
        assertThat(InboundRequests.decode("%zz", false)).isNull();
        assertThat(InboundRequests.decode("%00", false)).isEqualTo("\u0000");
    }
}
