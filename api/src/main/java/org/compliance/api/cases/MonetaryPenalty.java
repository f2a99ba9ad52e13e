package org.compliance.api.cases;

import java.math.BigDecimal;

/** A penalty, the worldwide annual turnover it was based on, and the statutory maximum it was checked against. */
public record MonetaryPenalty(BigDecimal amount, String currency, BigDecimal worldwideAnnualTurnover,
                              BigDecimal statutoryMaximum) {
}
