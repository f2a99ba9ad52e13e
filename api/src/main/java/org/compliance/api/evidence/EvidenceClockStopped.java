package org.compliance.api.evidence;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;

/**
 * The request's clock stopped at {@code stoppedAt}: until it restarts, no reminder is sent and the request does not
 * go overdue. {@code reason} is the public wording the company sees. {@code namedSubjects}: the case's data subjects
 * the reason names, under whose keys it is stored sealed (decision 29; empty in events stored before).
 */
public record EvidenceClockStopped(String requestId, String caseId,
                                   @PersonalData(subjectsIn = "namedSubjects") String reason, StaffMember stoppedBy,
                                   Instant stoppedAt, List<String> namedSubjects) implements EvidenceEvent {
    public EvidenceClockStopped {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public EvidenceClockStopped(String requestId, String caseId, String reason, StaffMember stoppedBy,
                                Instant stoppedAt) {
        this(requestId, caseId, reason, stoppedBy, stoppedAt, List.of());
    }
}
