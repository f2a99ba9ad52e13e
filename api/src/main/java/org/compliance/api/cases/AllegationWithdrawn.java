package org.compliance.api.cases;

import java.util.List;
import org.compliance.api.shared.PersonalData;

/**
 * An allegation was withdrawn. A reason naming data subjects of the case ({@code namedSubjects}) is sealed under their
 * keys (decision 29; empty in events stored before, whose reasons stay in clear).
 */
public record AllegationWithdrawn(String caseId, String allegationId,
                                  @PersonalData(subjectsIn = "namedSubjects") String reason,
                                  List<String> namedSubjects) implements CaseEvent {

    public AllegationWithdrawn {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public AllegationWithdrawn(String caseId, String allegationId, String reason) {
        this(caseId, allegationId, reason, List.of());
    }
}
