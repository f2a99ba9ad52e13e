package org.compliance.api.cases.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

public record EnforcementNoticeInput(
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 2000) String> stepsRequired,
        @NotNull LocalDate complianceDate) {
}
