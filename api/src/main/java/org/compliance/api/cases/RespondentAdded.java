package org.compliance.api.cases;

/** An organisation became a respondent. */
public record RespondentAdded(String caseId, Respondent respondent) implements CaseEvent {
}
