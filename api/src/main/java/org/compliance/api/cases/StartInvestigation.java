package org.compliance.api.cases;

/** Moves an opened case into investigation. */
public record StartInvestigation(String caseId) implements CaseCommand {
}
