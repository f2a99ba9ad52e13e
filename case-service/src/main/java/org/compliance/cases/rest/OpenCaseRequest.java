package org.compliance.cases.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /cases}. */
public record OpenCaseRequest(
        @NotBlank @Size(max = 300) String title,
        @NotEmpty @Size(max = 20) List<@Valid RespondentInput> respondents,
        @NotEmpty @Size(max = 100) List<@Valid AllegationInput> allegations) {

    public record RespondentInput(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}") String organisationAlias,
            @NotBlank @Size(max = 200) String name) {
    }

    public record AllegationInput(
            @NotBlank @Size(max = 200) String legalBasis,
            @NotBlank @Size(max = 5000) String description) {
    }
}
