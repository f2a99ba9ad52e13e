package org.compliance.api.evidence.views;

import java.time.Instant;

/**
 * One line of a request list, with the time left (negative once overdue; standing still while the request's clock
 * is stopped, since {@code clockStoppedAt}, null while it runs), and what a person knows it by: its subject (the
 * first thing it asks for), the title of its case and the name of the organisation it was sent to.
 */
public record RequestSummary(String requestId, String caseId, String organisationAlias, String status,
                             Instant dueAt, boolean overdue, long secondsLeft, String timeLeft,
                             Instant issuedAt, Instant clockStoppedAt, String subject, String caseTitle,
                             String organisationName) {
}
