package org.compliance.api.evidence.views;

import java.time.Instant;

/**
 * One line of a request list, with the time left (negative once overdue; standing still while the request's clock
 * is stopped, since {@code clockStoppedAt}, null while it runs).
 */
public record RequestSummary(String requestId, String caseId, String organisationAlias, String status,
                             Instant dueAt, boolean overdue, long secondsLeft, String timeLeft,
                             Instant issuedAt, Instant clockStoppedAt) {
}
