package org.compliance.api.cases;

/** Lifts the legal hold (supervisors only), with the reason. */
public record LiftLegalHold(String caseId, String reason) implements CaseCommand {
}
