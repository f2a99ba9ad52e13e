package org.compliance.api.cases;

/** Adds a complainant. */
public record AddComplainant(String caseId, Complainant complainant) implements CaseCommand {
}
