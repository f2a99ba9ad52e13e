package org.compliance.api.cases.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.compliance.api.shared.SingleLine;

/**
 * Referring a case to another authority.
 *
 * @param reason the staff's own record of why
 * @param publicReason what respondents are told; absent, they are told only that the case was referred
 */
public record ReferralRequest(
        @NotBlank @SingleLine @Size(max = 200) String authority,
        @NotBlank @SingleLine @Size(max = 200) String theirReference,
        @NotBlank @Size(max = 5000) String reason,
        @Size(max = 5000) String publicReason) {

    public ReferralRequest(String authority, String theirReference, String reason) {
        this(authority, theirReference, reason, null);
    }
}
