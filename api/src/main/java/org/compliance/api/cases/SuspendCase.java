package org.compliance.api.cases;

/** Suspends work on a case, with the reason. */
public record SuspendCase(String caseId, String reason) implements CaseCommand {
}
