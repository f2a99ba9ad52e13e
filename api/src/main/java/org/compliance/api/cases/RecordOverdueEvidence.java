package org.compliance.api.cases;

import java.time.Instant;

/** Tells the case that one of its evidence requests went overdue. */
public record RecordOverdueEvidence(String caseId, String requestId, Instant dueAt) implements CaseCommand {
}
