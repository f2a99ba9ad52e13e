package org.compliance.api.cases.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Closing a case.
 *
 * @param reason the staff's own record of why
 * @param publicReason what respondents are told; absent, they are told only that the case was closed
 */
public record ClosingRequest(@NotBlank @Size(max = 5000) String reason, @Size(max = 5000) String publicReason) {
}
