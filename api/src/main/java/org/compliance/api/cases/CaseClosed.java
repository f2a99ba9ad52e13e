package org.compliance.api.cases;

/** The case was closed. */
public record CaseClosed(String caseId, String reason) implements CaseEvent {
}
