package org.compliance.api.cases;

/** Reopens a closed case, with the reason. */
public record ReopenCase(String caseId, String reason) implements CaseCommand {
}
