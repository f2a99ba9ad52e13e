package org.compliance.api.cases;

/** A closed case was reopened and is under investigation again. */
public record CaseReopened(String caseId, String reason) implements CaseEvent {
}
