package org.compliance.api.cases.views;

import java.math.BigDecimal;
import java.util.List;

/**
 * A penalty regime (statutory maximum) as the decision form offers it.
 *
 * @param fixedAmount   the fixed maximum, {@code null} when there is only a share of turnover
 * @param turnoverShare the share of turnover (0.04 for 4%), {@code null} when there is only a fixed amount
 * @param applies       GREATER or LESSER: which of the two applies when both are given
 * @param defaultFor    the authorities whose penalties fall under it when they name no regime
 */
public record PenaltyRegimeView(String id, String name, String source, List<String> authorities,
                                BigDecimal fixedAmount, BigDecimal turnoverShare, String turnoverBasis,
                                String applies, String currency, List<String> defaultFor) {
}
