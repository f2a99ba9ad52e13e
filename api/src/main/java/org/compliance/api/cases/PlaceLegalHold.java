package org.compliance.api.cases;

/** Places the case under legal hold (supervisors only), with the reason. */
public record PlaceLegalHold(String caseId, String reason) implements CaseCommand {
}
