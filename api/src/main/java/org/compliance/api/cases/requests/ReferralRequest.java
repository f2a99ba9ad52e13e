package org.compliance.api.cases.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.compliance.api.shared.SingleLine;

public record ReferralRequest(
        @NotBlank @SingleLine @Size(max = 200) String authority,
        @NotBlank @SingleLine @Size(max = 200) String theirReference,
        @NotBlank @Size(max = 5000) String reason) {
}
