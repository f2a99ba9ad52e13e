package org.compliance.api.evidence;

import java.time.Instant;
import org.compliance.api.shared.StaffMember;

/** The investigator accepted the evidence: the request is complete. */
public record EvidenceAccepted(String requestId, String caseId, StaffMember acceptedBy, Instant acceptedAt) implements EvidenceEvent {
}
