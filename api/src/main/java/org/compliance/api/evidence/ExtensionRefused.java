package org.compliance.api.evidence;

import org.compliance.api.shared.StaffMember;

/** The extension was refused; the due moment stands. */
public record ExtensionRefused(String requestId, String caseId, String reason, StaffMember refusedBy) implements EvidenceEvent {
}
