package org.compliance.api.cases;

/** The case moved from opened to investigating. */
public record InvestigationStarted(String caseId) implements CaseEvent {
}
