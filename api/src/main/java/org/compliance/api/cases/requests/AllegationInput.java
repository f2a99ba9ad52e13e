package org.compliance.api.cases.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.compliance.api.cases.Allegation;
import org.compliance.api.shared.SingleLine;

public record AllegationInput(
        @NotBlank @SingleLine @Size(max = 200) String legalBasis,
        @NotBlank @Size(max = 5000) String description,
        LocalDate conductFrom,
        LocalDate conductTo) {

    public Allegation toAllegation(String allegationId) {
        return new Allegation(allegationId, legalBasis.strip(), description.strip(), conductFrom, conductTo);
    }
}
