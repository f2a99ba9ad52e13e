package org.compliance.api.cases;

import java.util.List;
import org.compliance.api.shared.PersonalData;

/**
 * The case is under legal hold: it cannot be closed, and nothing of it may be erased. A reason naming data subjects of the case
 * ({@code namedSubjects}) is sealed under their keys (decision 29).
 */
public record LegalHoldPlaced(String caseId, @PersonalData(subjectsIn = "namedSubjects") String reason,
                              List<String> namedSubjects) implements CaseEvent {

    public LegalHoldPlaced {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public LegalHoldPlaced(String caseId, String reason) {
        this(caseId, reason, List.of());
    }
}
