package org.compliance.api.cases;

import org.compliance.api.shared.StaffMember;

/** Adds an internal note by staff; companies never see notes. */
public record AddCaseNote(String caseId, String noteId, String text, StaffMember author) implements CaseCommand {
}
