package org.compliance.api.cases;

import java.util.List;
import org.compliance.api.shared.PersonalData;

/**
 * The investigation's findings were recorded. Findings naming data subjects of the case ({@code namedSubjects}) are
 * sealed under their keys (decision 29).
 */
public record FindingsRecorded(String caseId, @PersonalData(subjectsIn = "namedSubjects") String findings,
                               List<String> namedSubjects) implements CaseEvent {

    public FindingsRecorded {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public FindingsRecorded(String caseId, String findings) {
        this(caseId, findings, List.of());
    }
}
