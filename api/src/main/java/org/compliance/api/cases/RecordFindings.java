package org.compliance.api.cases;

/** Records the findings of the investigation. */
public record RecordFindings(String caseId, String findings) implements CaseCommand {
}
