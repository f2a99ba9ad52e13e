package org.compliance.api.evidence;

import java.time.Instant;
import org.compliance.api.shared.StaffMember;

/** The investigator asks for more: what is still missing, by a new due moment. */
public record RequestMoreEvidence(String requestId, String stillMissing, Instant newDueAt,
                                  StaffMember requestedBy) implements EvidenceCommand {
}
