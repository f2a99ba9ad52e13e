package org.compliance.api.cases;

/** A member of staff left the case team. */
public record TeamMemberRemoved(String caseId, String userId) implements CaseEvent {
}
