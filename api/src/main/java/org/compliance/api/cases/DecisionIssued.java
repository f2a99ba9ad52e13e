package org.compliance.api.cases;

import java.time.Instant;
import org.compliance.api.shared.StaffMember;

/** A supervisor issued the decision on the case. */
public record DecisionIssued(String caseId, DecisionKind kind, String reasons,
                             EnforcementNotice enforcementNotice, MonetaryPenalty monetaryPenalty,
                             StaffMember decidedBy, Instant issuedAt) implements CaseEvent {

    public DecisionIssued {
        // stored before penalty regimes: every penalty was checked against the UK GDPR higher maximum
        if (monetaryPenalty != null && monetaryPenalty.regime() == null) {
            monetaryPenalty = monetaryPenalty.withRegime(MonetaryPenalty.UK_GDPR_HIGHER_MAXIMUM);
        }
    }
}
