package org.compliance.api.evidence;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.CompanyUser;
import org.compliance.api.shared.PersonalData;

/**
 * The respondent asked for an extension. {@code namedSubjects}: the case's data subjects the reason names, under
 * whose keys it is stored sealed (decision 29; empty in events stored before).
 */
public record ExtensionRequested(String requestId, String caseId,
                                 @PersonalData(subjectsIn = "namedSubjects") String reason, CompanyUser requestedBy,
                                 Instant requestedAt, List<String> namedSubjects) implements EvidenceEvent {
    public ExtensionRequested {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public ExtensionRequested(String requestId, String caseId, String reason, CompanyUser requestedBy,
                              Instant requestedAt) {
        this(requestId, caseId, reason, requestedBy, requestedAt, List.of());
    }
}
