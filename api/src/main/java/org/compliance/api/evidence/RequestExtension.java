package org.compliance.api.evidence;

import org.compliance.api.shared.CompanyUser;

/** The respondent asks for more time, before the deadline, with a reason. */
public record RequestExtension(String requestId, String reason, CompanyUser requestedBy) implements EvidenceCommand {
}
