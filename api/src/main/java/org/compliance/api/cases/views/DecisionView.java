package org.compliance.api.cases.views;

import java.time.Instant;
import org.compliance.api.cases.EnforcementNotice;
import org.compliance.api.cases.MonetaryPenalty;

/** A case's decision as its respondent reads it. */
public record DecisionView(String kind, String reasons, EnforcementNotice enforcementNotice,
                           MonetaryPenalty monetaryPenalty, Instant issuedAt) {
}
