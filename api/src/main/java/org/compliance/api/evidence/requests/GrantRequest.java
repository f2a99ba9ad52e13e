package org.compliance.api.evidence.requests;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

public record GrantRequest(@NotNull Instant newDueAt) {
}
