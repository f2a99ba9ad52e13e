package org.compliance.api.evidence;

import org.compliance.api.shared.CompanyUser;

/** The respondent acknowledges receipt of the request. */
public record AcknowledgeEvidenceRequest(String requestId, CompanyUser acknowledgedBy) implements EvidenceCommand {
}
