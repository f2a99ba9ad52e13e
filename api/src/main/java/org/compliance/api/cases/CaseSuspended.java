package org.compliance.api.cases;

import java.util.List;
import org.compliance.api.shared.PersonalData;

/**
 * Work on the case was suspended; it resumes at {@code statusBefore}. A reason naming data subjects of the case
 * ({@code namedSubjects}) is sealed under their keys (decision 29).
 */
public record CaseSuspended(String caseId, @PersonalData(subjectsIn = "namedSubjects") String reason,
                            CaseStatus statusBefore, List<String> namedSubjects) implements CaseEvent {

    public CaseSuspended {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public CaseSuspended(String caseId, String reason, CaseStatus statusBefore) {
        this(caseId, reason, statusBefore, List.of());
    }
}
