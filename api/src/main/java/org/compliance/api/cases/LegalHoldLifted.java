package org.compliance.api.cases;

import java.util.List;
import org.compliance.api.shared.PersonalData;

/**
 * The legal hold was lifted. A reason naming data subjects of the case
 * ({@code namedSubjects}) is sealed under their keys (decision 29).
 */
public record LegalHoldLifted(String caseId, @PersonalData(subjectsIn = "namedSubjects") String reason,
                              List<String> namedSubjects) implements CaseEvent {

    public LegalHoldLifted {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public LegalHoldLifted(String caseId, String reason) {
        this(caseId, reason, List.of());
    }
}
