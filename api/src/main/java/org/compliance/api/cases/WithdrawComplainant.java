package org.compliance.api.cases;

/** Withdraws a complainant, with the reason. */
public record WithdrawComplainant(String caseId, String complainantId, String reason) implements CaseCommand {
}
