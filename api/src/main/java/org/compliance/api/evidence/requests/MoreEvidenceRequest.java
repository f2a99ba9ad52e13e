package org.compliance.api.evidence.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

public record MoreEvidenceRequest(@NotBlank @Size(max = 5000) String stillMissing, @NotNull Instant newDueAt) {
}
