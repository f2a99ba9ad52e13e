package org.compliance.api.evidence;

import java.time.Instant;
import org.compliance.api.shared.StaffMember;

/** A supervisor grants the pending extension with a new, later due moment. */
public record GrantExtension(String requestId, Instant newDueAt, StaffMember grantedBy) implements EvidenceCommand {
}
