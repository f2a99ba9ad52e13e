package org.compliance.api.evidence.views;

import java.time.Instant;
import org.compliance.api.evidence.RequestStanding;

/**
 * One line of a request list, with the time left (negative once overdue; standing still while the request's clock
 * is stopped, since {@code clockStoppedAt}, null while it runs), and what a person knows it by: its subject (the
 * first thing it asks for), the title of its case and the name of the organisation it was sent to.
 *
 * @param standing        where the request stands: whether evidence is due from the company, and if not, why not
 * @param stillMissing    what the regulator last asked for more of (due by {@code dueAt}); null when it never did
 * @param clockStopReason the public reason the clock is stopped, while it is (since {@code clockStoppedAt})
 */
public record RequestSummary(String requestId, String caseId, String organisationAlias, String status,
                             Instant dueAt, boolean overdue, long secondsLeft, String timeLeft,
                             Instant issuedAt, Instant clockStoppedAt, String subject, String caseTitle,
                             String organisationName, RequestStanding standing, String stillMissing,
                             String clockStopReason) {
}
