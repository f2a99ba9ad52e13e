package org.compliance.api.cases;

/** The legal hold was lifted. */
public record LegalHoldLifted(String caseId, String reason) implements CaseEvent {
}
