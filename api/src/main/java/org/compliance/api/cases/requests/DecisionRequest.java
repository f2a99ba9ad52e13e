package org.compliance.api.cases.requests;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.compliance.api.cases.DecisionKind;

public record DecisionRequest(
        @NotNull DecisionKind kind,
        @NotBlank @Size(max = 20_000) String reasons,
        @Valid EnforcementNoticeInput enforcementNotice,
        @Valid MonetaryPenaltyInput monetaryPenalty) {
}
