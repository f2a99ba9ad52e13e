package org.compliance.api.cases;

/** Withdraws an allegation, with the reason. */
public record WithdrawAllegation(String caseId, String allegationId, String reason) implements CaseCommand {
}
