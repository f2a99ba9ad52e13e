package org.compliance.api.cases;

/** Replaces the legal basis, description and conduct dates of an allegation. */
public record AmendAllegation(String caseId, Allegation allegation) implements CaseCommand {
}
