package org.compliance.api.cases;

/** Adds an allegation. */
public record AddAllegation(String caseId, Allegation allegation) implements CaseCommand {
}
