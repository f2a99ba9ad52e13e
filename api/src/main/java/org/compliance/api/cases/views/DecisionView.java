package org.compliance.api.cases.views;

import java.time.Instant;
import org.compliance.api.cases.EnforcementNotice;
import org.compliance.api.cases.MonetaryPenalty;

/**
 * A decision as its respondent reads it: the public reasons only. {@code addressee} is the respondent's name when
 * the decision is addressed to it (an enforcement notice's steps are its steps), null when it is case-wide.
 */
public record DecisionView(String kind, String reasons, EnforcementNotice enforcementNotice,
                           MonetaryPenalty monetaryPenalty, Instant issuedAt, String addressee) {
}
