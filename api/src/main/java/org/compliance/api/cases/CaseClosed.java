package org.compliance.api.cases;

import java.util.List;
import org.compliance.api.shared.PersonalData;

/**
 * The case was closed. {@code reason} is the staff's own record; {@code publicReason} is what respondents are
 * told (null: they are told only that the case was closed; so for every closure recorded before it existed). Both are
 * sealed under the keys of the data subjects either names ({@code namedSubjects}, decision 29).
 */
public record CaseClosed(String caseId, @PersonalData(subjectsIn = "namedSubjects") String reason,
                         @PersonalData(subjectsIn = "namedSubjects") String publicReason,
                         List<String> namedSubjects) implements CaseEvent {

    public CaseClosed {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public CaseClosed(String caseId, String reason, String publicReason) {
        this(caseId, reason, publicReason, List.of());
    }

    public CaseClosed(String caseId, String reason) {
        this(caseId, reason, null);
    }
}
