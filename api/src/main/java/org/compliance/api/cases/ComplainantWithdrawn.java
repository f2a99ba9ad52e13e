package org.compliance.api.cases;

/** A complainant was withdrawn. */
public record ComplainantWithdrawn(String caseId, String complainantId, String reason) implements CaseEvent {
}
