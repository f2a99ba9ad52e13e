package org.compliance.api.cases;

/** The case is under legal hold: it cannot be closed, and nothing of it may be erased. */
public record LegalHoldPlaced(String caseId, String reason) implements CaseEvent {
}
