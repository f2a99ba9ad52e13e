package org.compliance.api.evidence.requests;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

public record SubmissionRequest(
        @NotEmpty @Size(max = 100) List<@NotNull UUID> uploadIds,
        @NotBlank @Size(max = 10_000) String description,
        @NotNull @Valid StatementOfTruthInput statementOfTruth) {
}
