package org.compliance.api.evidence;

import org.compliance.api.shared.StaffMember;

/** The investigator withdraws the request, with a reason. */
public record WithdrawEvidenceRequest(String requestId, String reason, StaffMember withdrawnBy)
        implements EvidenceCommand {
}
