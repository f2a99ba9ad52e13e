package org.compliance.api.cases;

import org.compliance.api.shared.StaffMember;

/** Adds a member of staff to the case team. */
public record AddTeamMember(String caseId, StaffMember member) implements CaseCommand {
}
