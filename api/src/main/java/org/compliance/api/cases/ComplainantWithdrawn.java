package org.compliance.api.cases;

import java.util.List;
import org.compliance.api.shared.PersonalData;

/**
 * A complainant was withdrawn. A reason naming data subjects of the case ({@code namedSubjects}; the complainant
 * withdrawn, often) is sealed under their keys (decision 29).
 */
public record ComplainantWithdrawn(String caseId, String complainantId,
                                   @PersonalData(subjectsIn = "namedSubjects") String reason,
                                   List<String> namedSubjects) implements CaseEvent {

    public ComplainantWithdrawn {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public ComplainantWithdrawn(String caseId, String complainantId, String reason) {
        this(caseId, complainantId, reason, List.of());
    }
}
