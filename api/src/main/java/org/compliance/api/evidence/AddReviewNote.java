package org.compliance.api.evidence;

import org.compliance.api.shared.StaffMember;

/** A member of staff notes their review of one submitted file. The note is the regulator's: the company never reads it. */
public record AddReviewNote(String requestId, String fileId, String note, StaffMember notedBy)
        implements EvidenceCommand {
}
