package org.compliance.api.evidence;

import java.time.Instant;
import org.compliance.api.shared.CompanyUser;

/** The respondent asked for an extension. */
public record ExtensionRequested(String requestId, String caseId, String reason, CompanyUser requestedBy,
                                 Instant requestedAt) implements EvidenceEvent {
}
