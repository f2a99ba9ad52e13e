package org.compliance.api.cases;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;

/**
 * A supervisor issued a decision on the case: addressed to one respondent ({@code addresseeOrganisationAlias}),
 * or, when that is null, to the whole case (every respondent; all decisions recorded before addressees existed).
 * {@code reasons} are the public reasons the addressee reads; {@code internalReasoning} never leaves staff views.
 * Both are sealed under the keys of the data subjects either names ({@code namedSubjects}, decision 29; the notice's
 * steps under those they name, {@link EnforcementNotice#namedSubjects}).
 */
public record DecisionIssued(String caseId, DecisionKind kind,
                             @PersonalData(subjectsIn = "namedSubjects") String reasons,
                             EnforcementNotice enforcementNotice, MonetaryPenalty monetaryPenalty,
                             StaffMember decidedBy, Instant issuedAt, String addresseeOrganisationAlias,
                             @PersonalData(subjectsIn = "namedSubjects") String internalReasoning,
                             List<String> namedSubjects) implements CaseEvent {

    public DecisionIssued {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
        // stored before penalty regimes: every penalty was checked against the UK GDPR higher maximum
        if (monetaryPenalty != null && monetaryPenalty.regime() == null) {
            monetaryPenalty = monetaryPenalty.withRegime(MonetaryPenalty.UK_GDPR_HIGHER_MAXIMUM);
        }
    }

    public DecisionIssued(String caseId, DecisionKind kind, String reasons, EnforcementNotice enforcementNotice,
                          MonetaryPenalty monetaryPenalty, StaffMember decidedBy, Instant issuedAt,
                          String addresseeOrganisationAlias, String internalReasoning) {
        this(caseId, kind, reasons, enforcementNotice, monetaryPenalty, decidedBy, issuedAt,
                addresseeOrganisationAlias, internalReasoning, List.of());
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

    /** This decision with its texts erased where they name {@code subject}. */
    public DecisionIssued erasing(String subject) {
        boolean named = namedSubjects.contains(subject);
        EnforcementNotice notice = enforcementNotice == null ? null : enforcementNotice.erasing(subject);
        if (!named && notice == enforcementNotice) {
            return this;
        }
        return new DecisionIssued(caseId, kind, named && reasons != null ? PersonalData.ERASED : reasons, notice,
                monetaryPenalty, decidedBy, issuedAt, addresseeOrganisationAlias,
                named && internalReasoning != null ? PersonalData.ERASED : internalReasoning, namedSubjects);
    }
}
