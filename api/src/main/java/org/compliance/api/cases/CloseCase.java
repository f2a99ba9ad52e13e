package org.compliance.api.cases;

/** Closes a case that has a decision or a referral. */
public record CloseCase(String caseId, String reason) implements CaseCommand {
}
