package org.compliance.api.cases;

import java.time.Instant;
import org.compliance.api.shared.StaffMember;

/**
 * A supervisor issued a decision on the case: addressed to one respondent ({@code addresseeOrganisationAlias}),
 * or, when that is null, to the whole case (every respondent; all decisions recorded before addressees existed).
 * {@code reasons} are the public reasons the addressee reads; {@code internalReasoning} never leaves staff views.
 */
public record DecisionIssued(String caseId, DecisionKind kind, String reasons,
                             EnforcementNotice enforcementNotice, MonetaryPenalty monetaryPenalty,
                             StaffMember decidedBy, Instant issuedAt,
                             String addresseeOrganisationAlias, String internalReasoning) implements CaseEvent {

    public DecisionIssued {
        // stored before penalty regimes: every penalty was checked against the UK GDPR higher maximum
        if (monetaryPenalty != null && monetaryPenalty.regime() == null) {
            monetaryPenalty = monetaryPenalty.withRegime(MonetaryPenalty.UK_GDPR_HIGHER_MAXIMUM);
        }
    }

    /** A case-wide decision without internal reasoning. */
    public DecisionIssued(String caseId, DecisionKind kind, String reasons, EnforcementNotice enforcementNotice,
                          MonetaryPenalty monetaryPenalty, StaffMember decidedBy, Instant issuedAt) {
        this(caseId, kind, reasons, enforcementNotice, monetaryPenalty, decidedBy, issuedAt, null, null);
    }

    /** Whether this decision is addressed to the respondent {@code organisationAlias} (case-wide ones are). */
    public boolean addressedTo(String organisationAlias) {
        return addresseeOrganisationAlias == null || addresseeOrganisationAlias.equals(organisationAlias);
    }
}
