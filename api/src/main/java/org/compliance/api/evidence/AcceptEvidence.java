package org.compliance.api.evidence;

import org.compliance.api.shared.StaffMember;

/** The investigator accepts the submissions: the request is complete. */
public record AcceptEvidence(String requestId, StaffMember acceptedBy) implements EvidenceCommand {
}
