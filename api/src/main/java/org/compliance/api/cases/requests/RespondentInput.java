package org.compliance.api.cases.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.compliance.api.cases.Respondent;
import org.compliance.api.shared.SingleLine;

public record RespondentInput(
        @NotBlank @Pattern(regexp = OrganisationAlias.PATTERN) String organisationAlias,
        @NotBlank @SingleLine @Size(max = 200) String name) {

    public Respondent toRespondent() {
        return new Respondent(organisationAlias, name.strip());
    }
}
