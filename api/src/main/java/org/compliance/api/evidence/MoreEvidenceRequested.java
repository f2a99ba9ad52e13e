package org.compliance.api.evidence;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;

/**
 * The investigator asked for more evidence, due at {@code newDueAt}. {@code namedSubjects}: the case's data subjects
 * {@code stillMissing} names, under whose keys it is stored sealed (decision 29; empty in events stored before).
 */
public record MoreEvidenceRequested(String requestId, String caseId,
                                    @PersonalData(subjectsIn = "namedSubjects") String stillMissing,
                                    Instant previousDueAt, Instant newDueAt, StaffMember requestedBy,
                                    List<String> namedSubjects) implements EvidenceEvent {
    public MoreEvidenceRequested {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public MoreEvidenceRequested(String requestId, String caseId, String stillMissing, Instant previousDueAt,
                                 Instant newDueAt, StaffMember requestedBy) {
        this(requestId, caseId, stillMissing, previousDueAt, newDueAt, requestedBy, List.of());
    }
}
