package org.compliance.api.cases.requests;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.compliance.api.cases.DecisionKind;

/**
 * A decision as a supervisor states it.
 *
 * @param reasons the public reasons: what the addressee reads
 * @param addresseeOrganisationAlias the respondent the decision is addressed to; absent, the decision is case-wide
 *                                   (every respondent)
 * @param internalReasoning the reasoning kept for staff; never shown to a company
 */
public record DecisionRequest(
        @NotNull DecisionKind kind,
        @NotBlank @Size(max = 20_000) String reasons,
        @Valid EnforcementNoticeInput enforcementNotice,
        @Valid MonetaryPenaltyInput monetaryPenalty,
        @Pattern(regexp = OrganisationAlias.PATTERN) String addresseeOrganisationAlias,
        @Size(max = 20_000) String internalReasoning) {

    /** A case-wide decision without internal reasoning. */
    public DecisionRequest(DecisionKind kind, String reasons, EnforcementNoticeInput enforcementNotice,
                           MonetaryPenaltyInput monetaryPenalty) {
        this(kind, reasons, enforcementNotice, monetaryPenalty, null, null);
    }
}
