package org.compliance.api.evidence;

import java.time.Instant;
import org.compliance.api.shared.StaffMember;

/**
 * The request's clock stopped at {@code stoppedAt}: until it restarts, no reminder is sent and the request does not
 * go overdue. {@code reason} is the public wording the company sees.
 */
public record EvidenceClockStopped(String requestId, String caseId, String reason, StaffMember stoppedBy,
                                   Instant stoppedAt) implements EvidenceEvent {
}
