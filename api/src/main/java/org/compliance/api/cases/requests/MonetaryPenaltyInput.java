package org.compliance.api.cases.requests;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A monetary penalty as a supervisor states it.
 *
 * @param regime the penalty regime (statute) it is imposed under, e.g. {@code uk-gdpr-higher-maximum}; when
 *               absent, the default regime of the case's authority
 * @param turnoverCurrency the currency the turnover is stated in, when not the penalty's
 * @param exchangeRate units of the penalty's currency per unit of the turnover's; needed when they differ
 * @param exchangeRateDate the date of that exchange rate (ISO 8601)
 */
public record MonetaryPenaltyInput(
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 2) BigDecimal amount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as GBP") String currency,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal worldwideAnnualTurnover,
        @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+", message = "must be a penalty regime id such as "
                + "uk-gdpr-higher-maximum") String regime,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String turnoverCurrency,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 6, fraction = 8) BigDecimal exchangeRate,
        LocalDate exchangeRateDate) {

    /** A penalty under the case's authority's default regime, turnover in the penalty's currency. */
    public MonetaryPenaltyInput(BigDecimal amount, String currency, BigDecimal worldwideAnnualTurnover) {
        this(amount, currency, worldwideAnnualTurnover, null, null, null, null);
    }
}
