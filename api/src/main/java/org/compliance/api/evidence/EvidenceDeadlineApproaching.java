package org.compliance.api.evidence;

import java.time.Instant;

/** A reminder: the request is due in {@code daysBefore} day(s), at {@code dueAt}. */
public record EvidenceDeadlineApproaching(String requestId, String caseId,
                                          String respondentOrganisationAlias, Instant dueAt, int daysBefore) implements EvidenceEvent {
}
