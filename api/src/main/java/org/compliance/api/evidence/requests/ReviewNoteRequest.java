package org.compliance.api.evidence.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A review note on one submitted file (staff only; the company never reads it). */
public record ReviewNoteRequest(@NotBlank @Size(max = 5000) String note) {
}
