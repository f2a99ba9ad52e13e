package org.compliance.api.cases;

import org.compliance.api.shared.StaffMember;

/** Issues the decision on a case (supervisors only); the kind says which of the details apply. */
public record IssueDecision(String caseId, DecisionKind kind, String reasons, EnforcementNotice enforcementNotice,
                            MonetaryPenalty monetaryPenalty, StaffMember decidedBy) implements CaseCommand {
}
