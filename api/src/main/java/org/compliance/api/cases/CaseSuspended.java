package org.compliance.api.cases;

/** Work on the case was suspended; it resumes at {@code statusBefore}. */
public record CaseSuspended(String caseId, String reason, CaseStatus statusBefore) implements CaseEvent {
}
