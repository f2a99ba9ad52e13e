package org.compliance.api.evidence;

import java.time.Instant;
import org.compliance.api.shared.StaffMember;

/** The extension was granted: the request is now due at {@code newDueAt}. */
public record ExtensionGranted(String requestId, String caseId, Instant previousDueAt, Instant newDueAt,
                               StaffMember grantedBy) implements EvidenceEvent {
}
