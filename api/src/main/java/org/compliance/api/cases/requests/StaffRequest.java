package org.compliance.api.cases.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.compliance.api.shared.SingleLine;

public record StaffRequest(@NotBlank @SingleLine @Size(max = 64) String userId) {
}
