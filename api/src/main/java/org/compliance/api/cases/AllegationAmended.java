package org.compliance.api.cases;

/** An allegation was amended; the event carries it as it now reads. */
public record AllegationAmended(String caseId, Allegation allegation) implements CaseEvent {
}
