package org.compliance.api.evidence;

import java.time.Instant;
import org.compliance.api.shared.CompanyUser;

/** The respondent acknowledged the request. */
public record EvidenceRequestAcknowledged(String requestId, String caseId, CompanyUser acknowledgedBy,
                                          Instant acknowledgedAt) implements EvidenceEvent {
}
