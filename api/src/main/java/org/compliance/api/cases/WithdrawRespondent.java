package org.compliance.api.cases;

/** Withdraws a respondent from the case, with the reason. */
public record WithdrawRespondent(String caseId, String organisationAlias, String reason) implements CaseCommand {
}
