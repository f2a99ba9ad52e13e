package org.compliance.api.evidence;

import java.util.List;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;

/**
 * The request was withdrawn. {@code namedSubjects}: the case's data subjects the reason names, under whose keys it is
 * stored sealed (decision 29; empty in events stored before).
 */
public record EvidenceRequestWithdrawn(String requestId, String caseId,
                                       @PersonalData(subjectsIn = "namedSubjects") String reason,
                                       StaffMember withdrawnBy, List<String> namedSubjects) implements EvidenceEvent {
    public EvidenceRequestWithdrawn {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public EvidenceRequestWithdrawn(String requestId, String caseId, String reason, StaffMember withdrawnBy) {
        this(requestId, caseId, reason, withdrawnBy, List.of());
    }
}
