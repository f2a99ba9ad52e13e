package org.compliance.api.evidence;

import org.compliance.api.shared.StaffMember;

/** The request was withdrawn. */
public record EvidenceRequestWithdrawn(String requestId, String caseId, String reason,
                                       StaffMember withdrawnBy) implements EvidenceEvent {
}
