package org.compliance.api.cases;

import java.time.Instant;
import org.compliance.api.shared.StaffMember;

/** An internal note was added by staff. */
public record CaseNoteAdded(String caseId, String noteId, String text, StaffMember author, Instant addedAt) implements CaseEvent {
}
