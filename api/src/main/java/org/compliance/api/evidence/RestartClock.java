package org.compliance.api.evidence;

import org.compliance.api.shared.StaffMember;

/** Staff restart the request's stopped clock: the due moment moves by the time it stood still. */
public record RestartClock(String requestId, StaffMember restartedBy) implements EvidenceCommand {
}
