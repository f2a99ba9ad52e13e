package org.compliance.api.cases.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.compliance.api.cases.Complainant;
import org.compliance.api.shared.SingleLine;

public record ComplainantInput(
        @NotNull Complainant.Kind kind,
        @NotBlank @SingleLine @Size(max = 200) String name,
        @Pattern(regexp = OrganisationAlias.PATTERN) String organisationAlias) {

    public Complainant toComplainant(String complainantId) {
        return new Complainant(complainantId, kind, name.strip(), organisationAlias);
    }
}
