package org.compliance.api.cases;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;

/** An internal note was added by staff; a note that names data subjects of the case is sealed under their keys. */
public record CaseNoteAdded(String caseId, String noteId, @PersonalData(subjectsIn = "namedSubjects") String text,
                            StaffMember author, Instant addedAt, List<String> namedSubjects) implements CaseEvent {

    public CaseNoteAdded {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public CaseNoteAdded(String caseId, String noteId, String text, StaffMember author, Instant addedAt) {
        this(caseId, noteId, text, author, addedAt, List.of());
    }
}
