package org.compliance.api.cases;

/** Work on a suspended case resumed at {@code status}. */
public record CaseResumed(String caseId, CaseStatus status) implements CaseEvent {
}
