package org.compliance.api.cases;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A penalty, the regime (statute) it is imposed under, the worldwide annual turnover (or revenue) it was based
 * on, and the statutory maximum it was checked against. The turnover may be stated in another currency than the
 * penalty's; then {@code exchangeRate} (units of the penalty's currency per unit of the turnover's) and its date
 * say how it was converted.
 *
 * <p>Penalties recorded before regimes existed were all checked against the UK GDPR higher maximum in GBP: they
 * read with turnover in the penalty's currency, and {@link DecisionIssued} names their regime.
 */
public record MonetaryPenalty(BigDecimal amount, String currency, BigDecimal worldwideAnnualTurnover,
                              BigDecimal statutoryMaximum, String regime, String turnoverCurrency,
                              BigDecimal exchangeRate, LocalDate exchangeRateDate) {

    /** The regime every penalty recorded before regimes existed was checked against. */
    public static final String UK_GDPR_HIGHER_MAXIMUM = "uk-gdpr-higher-maximum";

    public MonetaryPenalty {
        if (turnoverCurrency == null) {
            turnoverCurrency = currency;
        }
    }

    /** A penalty under the case's authority's default regime, turnover in the penalty's currency. */
    public MonetaryPenalty(BigDecimal amount, String currency, BigDecimal worldwideAnnualTurnover,
                           BigDecimal statutoryMaximum) {
        this(amount, currency, worldwideAnnualTurnover, statutoryMaximum, null, null, null, null);
    }

    public MonetaryPenalty withRegime(String regimeId) {
        return new MonetaryPenalty(amount, currency, worldwideAnnualTurnover, statutoryMaximum, regimeId,
                turnoverCurrency, exchangeRate, exchangeRateDate);
    }

    public MonetaryPenalty withStatutoryMaximum(BigDecimal maximum) {
        return new MonetaryPenalty(amount, currency, worldwideAnnualTurnover, maximum, regime, turnoverCurrency,
                exchangeRate, exchangeRateDate);
    }
}
