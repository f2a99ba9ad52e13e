package org.compliance.cases.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The statutory maximum of a monetary penalty under UK GDPR (the "higher maximum", Art. 83(5) as amended
 * by the Data Protection Act 2018): the greater of GBP 17.5 million and 4% of the undertaking's total
 * worldwide annual turnover in the preceding financial year.
 */
public final class PenaltyCap {

    public static final String CURRENCY = "GBP";
    static final BigDecimal FIXED_MAXIMUM = new BigDecimal("17500000");
    static final BigDecimal TURNOVER_SHARE = new BigDecimal("0.04");

    private PenaltyCap() {
    }

    public static BigDecimal higherMaximum(BigDecimal worldwideAnnualTurnover) {
        BigDecimal share = worldwideAnnualTurnover.multiply(TURNOVER_SHARE).setScale(2, RoundingMode.DOWN);
        return share.max(FIXED_MAXIMUM).setScale(2, RoundingMode.UNNECESSARY);
    }
}
