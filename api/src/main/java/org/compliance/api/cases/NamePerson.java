package org.compliance.api.cases;

/** Records someone the case names who is not a party, so that texts naming them are kept as their personal data. */
public record NamePerson(String caseId, NamedPerson person) implements CaseCommand {
}
