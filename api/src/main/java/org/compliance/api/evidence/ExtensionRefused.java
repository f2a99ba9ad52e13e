package org.compliance.api.evidence;

import java.util.List;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;

/**
 * The extension was refused; the due moment stands. {@code namedSubjects}: the case's data subjects the reason names,
 * under whose keys it is stored sealed (decision 29; empty in events stored before).
 */
public record ExtensionRefused(String requestId, String caseId, @PersonalData(subjectsIn = "namedSubjects") String reason,
                               StaffMember refusedBy, List<String> namedSubjects) implements EvidenceEvent {
    public ExtensionRefused {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public ExtensionRefused(String requestId, String caseId, String reason, StaffMember refusedBy) {
        this(requestId, caseId, reason, refusedBy, List.of());
    }
}
