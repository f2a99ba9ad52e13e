package org.compliance.api.cases;

/** Adds an organisation as respondent. */
public record AddRespondent(String caseId, Respondent respondent) implements CaseCommand {
}
