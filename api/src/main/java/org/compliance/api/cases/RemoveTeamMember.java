package org.compliance.api.cases;

/** Removes a member of staff from the case team. */
public record RemoveTeamMember(String caseId, String userId) implements CaseCommand {
}
