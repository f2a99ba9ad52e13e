package org.compliance.api.cases;

/** Someone who is not a party was named in the case: a data subject of it from now on. */
public record PersonNamed(String caseId, NamedPerson person) implements CaseEvent {
}
