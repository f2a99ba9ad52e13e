package org.compliance.api.evidence;

import org.compliance.api.shared.StaffMember;

/**
 * Staff stop the request's clock, for example while a clarification the company asked for is outstanding. The
 * reason is public: the company reads it.
 */
public record StopClock(String requestId, String reason, StaffMember stoppedBy) implements EvidenceCommand {
}
