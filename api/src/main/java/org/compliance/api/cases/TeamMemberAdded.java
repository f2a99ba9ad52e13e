package org.compliance.api.cases;

import org.compliance.api.shared.StaffMember;

/** A member of staff joined the case team. */
public record TeamMemberAdded(String caseId, StaffMember member) implements CaseEvent {
}
