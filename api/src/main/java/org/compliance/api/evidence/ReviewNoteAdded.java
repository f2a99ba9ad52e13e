package org.compliance.api.evidence;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;

/**
 * Staff noted their review of a submitted file (the file's SHA-256 as reviewed). Internal to the regulator: never
 * shown to the company, nobody is notified of it.
 */
public record ReviewNoteAdded(String requestId, String caseId, String fileId, String sha256,
                              @PersonalData(subjectsIn = "namedSubjects") String note, StaffMember notedBy,
                              Instant notedAt, List<String> namedSubjects) implements EvidenceEvent {
    /** {@code namedSubjects}: the case's data subjects the note names (sealed under their keys; decision 29). */
    public ReviewNoteAdded {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public ReviewNoteAdded(String requestId, String caseId, String fileId, String sha256, String note,
                           StaffMember notedBy, Instant notedAt) {
        this(requestId, caseId, fileId, sha256, note, notedBy, notedAt, List.of());
    }
}
