package org.compliance.api.cases;

/** The investigation's findings were recorded. */
public record FindingsRecorded(String caseId, String findings) implements CaseEvent {
}
