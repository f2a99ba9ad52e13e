package org.compliance.api.cases;

/** An allegation was withdrawn. */
public record AllegationWithdrawn(String caseId, String allegationId, String reason) implements CaseEvent {
}
