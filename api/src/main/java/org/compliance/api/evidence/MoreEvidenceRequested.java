package org.compliance.api.evidence;

import java.time.Instant;
import org.compliance.api.shared.StaffMember;

/** The investigator asked for more evidence, due at {@code newDueAt}. */
public record MoreEvidenceRequested(String requestId, String caseId, String stillMissing,
                                    Instant previousDueAt, Instant newDueAt, StaffMember requestedBy) implements EvidenceEvent {
}
