package org.compliance.api.evidence;

import org.compliance.api.shared.StaffMember;

/** A supervisor refuses the pending extension, with a reason. */
public record RefuseExtension(String requestId, String reason, StaffMember refusedBy) implements EvidenceCommand {
}
