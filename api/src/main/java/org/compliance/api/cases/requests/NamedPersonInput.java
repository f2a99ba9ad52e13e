package org.compliance.api.cases.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.compliance.api.cases.NamedPerson;
import org.compliance.api.shared.SingleLine;

/** A person the case names who is not a party, and in what role (e.g. "witness", "employee of the respondent"). */
public record NamedPersonInput(
        @NotBlank @SingleLine @Size(max = 200) String name,
        @NotBlank @SingleLine @Size(max = 200) String role) {

    public NamedPerson toNamedPerson(String personId) {
        return new NamedPerson(personId, name.strip(), role.strip(), null);
    }
}
