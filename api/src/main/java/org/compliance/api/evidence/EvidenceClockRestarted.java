package org.compliance.api.evidence;

import java.time.Duration;
import java.time.Instant;
import org.compliance.api.shared.StaffMember;

/**
 * The request's clock, stopped at {@code stoppedAt}, restarted at {@code restartedAt}: it stood still for
 * {@code stoppedFor}, so the request is now due at {@code newDueAt} = {@code previousDueAt} + {@code stoppedFor},
 * and its reminders move by as much.
 */
public record EvidenceClockRestarted(String requestId, String caseId, Instant stoppedAt, Instant restartedAt,
                                     Duration stoppedFor, Instant previousDueAt, Instant newDueAt,
                                     StaffMember restartedBy) implements EvidenceEvent {
}
