package org.compliance.api.cases;

/** The case no longer awaits the overdue evidence of this request. */
public record CaseOverdueEvidenceResolved(String caseId, String requestId, OverdueEvidenceResolution resolution) implements CaseEvent {
}
