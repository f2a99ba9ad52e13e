package org.compliance.api.evidence.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.compliance.api.shared.SingleLine;

public record StatementOfTruthInput(@NotBlank @SingleLine @Size(max = 200) String name,
                                    @NotBlank @SingleLine @Size(max = 200) String position) {
}
