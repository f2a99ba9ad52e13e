package org.compliance.api.cases;

import java.util.List;
import org.compliance.api.shared.PersonalData;

/**
 * An organisation is no longer a respondent. A reason naming data subjects of the case ({@code namedSubjects}) is
 * sealed under their keys (decision 29).
 */
public record RespondentWithdrawn(String caseId, String organisationAlias,
                                  @PersonalData(subjectsIn = "namedSubjects") String reason,
                                  List<String> namedSubjects) implements CaseEvent {

    public RespondentWithdrawn {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public RespondentWithdrawn(String caseId, String organisationAlias, String reason) {
        this(caseId, organisationAlias, reason, List.of());
    }
}
