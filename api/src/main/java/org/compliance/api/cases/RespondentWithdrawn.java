package org.compliance.api.cases;

/** An organisation is no longer a respondent. */
public record RespondentWithdrawn(String caseId, String organisationAlias, String reason) implements CaseEvent {
}
