package org.compliance.api.cases;

/** A complainant was added. */
public record ComplainantAdded(String caseId, Complainant complainant) implements CaseEvent {
}
