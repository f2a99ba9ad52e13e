package org.compliance.api.cases;

import java.time.Instant;

/** One of the case's evidence requests is overdue: the case awaits it and may be referred. */
public record CaseAwaitingOverdueEvidence(String caseId, String requestId, Instant dueAt) implements CaseEvent {
}
