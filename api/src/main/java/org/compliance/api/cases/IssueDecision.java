package org.compliance.api.cases;

import org.compliance.api.shared.StaffMember;

/**
 * Issues a decision on a case (supervisors only); the kind says which of the details apply. Addressed to one
 * respondent ({@code addresseeOrganisationAlias}) or, when that is null, to the whole case. {@code reasons} are the
 * public reasons the addressee reads; {@code internalReasoning} (optional) stays with staff.
 */
public record IssueDecision(String caseId, DecisionKind kind, String reasons, EnforcementNotice enforcementNotice,
                            MonetaryPenalty monetaryPenalty, StaffMember decidedBy,
                            String addresseeOrganisationAlias, String internalReasoning) implements CaseCommand {

    /** A case-wide decision without internal reasoning. */
    public IssueDecision(String caseId, DecisionKind kind, String reasons, EnforcementNotice enforcementNotice,
                         MonetaryPenalty monetaryPenalty, StaffMember decidedBy) {
        this(caseId, kind, reasons, enforcementNotice, monetaryPenalty, decidedBy, null, null);
    }
}
