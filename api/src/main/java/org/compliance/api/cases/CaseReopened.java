package org.compliance.api.cases;

import java.util.List;
import org.compliance.api.shared.PersonalData;

/**
 * A closed case was reopened and is under investigation again. A reason naming data subjects of the case
 * ({@code namedSubjects}) is sealed under their keys (decision 29).
 */
public record CaseReopened(String caseId, @PersonalData(subjectsIn = "namedSubjects") String reason,
                           List<String> namedSubjects) implements CaseEvent {

    public CaseReopened {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public CaseReopened(String caseId, String reason) {
        this(caseId, reason, List.of());
    }
}
