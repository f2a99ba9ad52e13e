package org.compliance.api.cases;

/** An allegation was added. */
public record AllegationAdded(String caseId, Allegation allegation) implements CaseEvent {
}
