package org.compliance.cases.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A statutory maximum for monetary penalties: a fixed amount, a share of the undertaking's worldwide turnover (or
 * revenue), or whichever of the two is greater (or lesser), in the regime's currency.
 *
 * @param id            stable id a penalty names, e.g. {@code uk-gdpr-higher-maximum}
 * @param name          as the regulator says it, e.g. "UK GDPR higher maximum"
 * @param source        the statute and section, e.g. "UK GDPR Art. 83(5); DPA 2018 s.157(2)"
 * @param authorities   the authorities that may impose penalties under it
 * @param fixedAmount   the fixed maximum; {@code null} when the regime has only a share of turnover
 * @param turnoverShare the share of turnover (0.04 for 4%); {@code null} when the regime has only a fixed amount
 * @param turnoverBasis what the share is of, e.g. "worldwide annual turnover", "qualifying worldwide revenue"
 * @param applies       which of the two applies when both are given
 * @param currency      ISO 4217 code of the fixed amount, the penalty and the maximum
 */
public record PenaltyRegime(String id, String name, String source, List<String> authorities, BigDecimal fixedAmount,
                            BigDecimal turnoverShare, String turnoverBasis, Applies applies, String currency) {

    public enum Applies { GREATER, LESSER }

    public PenaltyRegime {
        Objects.requireNonNull(id, "a penalty regime needs its id");
        Objects.requireNonNull(name, "penalty regime " + id + " needs its name");
        Objects.requireNonNull(source, "penalty regime " + id + " needs its source");
        authorities = List.copyOf(authorities == null ? List.of() : authorities);
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("penalty regime " + id + " needs an ISO 4217 currency, not " + currency);
        }
        if (fixedAmount == null && turnoverShare == null) {
            throw new IllegalArgumentException("penalty regime " + id + " needs a fixed amount or a turnover share");
        }
        if (fixedAmount != null && fixedAmount.signum() <= 0) {
            throw new IllegalArgumentException("penalty regime " + id + ": the fixed amount must be positive");
        }
        if (turnoverShare != null && (turnoverShare.signum() <= 0 || turnoverShare.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("penalty regime " + id + ": its turnover share is above 0, at most 1");
        }
        if (turnoverShare != null && turnoverBasis == null) {
            throw new IllegalArgumentException("penalty regime " + id + " needs the basis of its turnover share");
        }
        if (fixedAmount != null && turnoverShare != null && applies == null) {
            throw new IllegalArgumentException("penalty regime " + id + " needs which of its two maxima applies");
        }
    }

    public boolean usableBy(String authority) {
        return authorities.contains(authority);
    }

    /** The maximum for an undertaking with this turnover, already in the regime's currency; whole pence/cents. */
    public BigDecimal maximum(BigDecimal turnover) {
        BigDecimal fixed = fixedAmount == null ? null : fixedAmount.setScale(2, RoundingMode.UNNECESSARY);
        if (turnoverShare == null) {
            return fixed;
        }
        BigDecimal share = turnover.multiply(turnoverShare).setScale(2, RoundingMode.DOWN);
        if (fixed == null) {
            return share;
        }
        return applies == Applies.GREATER ? share.max(fixed) : share.min(fixed);
    }

    /**
     * How the maximum was reached, e.g. "the greater of GBP 17,500,000.00 and 4% of worldwide annual turnover
     * GBP 1,000,000,000.00 = GBP 40,000,000.00"; {@code turnoverAsStated} says how the turnover was converted.
     */
    String explain(String turnoverAsStated, BigDecimal maximum) {
        String share = turnoverShare == null ? null
                : turnoverShare.movePointRight(2).stripTrailingZeros().toPlainString() + "% of " + turnoverBasis
                + " " + turnoverAsStated;
        String rule;
        if (share == null) {
            rule = money(currency, fixedAmount);
        } else if (fixedAmount == null) {
            rule = share;
        } else {
            rule = "the " + applies.name().toLowerCase(Locale.ROOT) + " of " + money(currency, fixedAmount)
                    + " and " + share;
        }
        return rule + " = " + money(currency, maximum);
    }

    /** An amount as money: ISO code, UK grouping, two decimals ("GBP 40,000,000.00"). */
    static String money(String currency, BigDecimal amount) {
        return currency + " " + String.format(Locale.UK, "%,.2f", amount);
    }
}
