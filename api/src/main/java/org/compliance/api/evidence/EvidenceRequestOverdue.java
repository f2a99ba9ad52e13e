package org.compliance.api.evidence;

import java.time.Instant;

/**
 * An evidence request passed its due moment without the evidence being accepted. Published by
 * evidence-service exactly once per due moment; case-service records it on the case.
 */
public record EvidenceRequestOverdue(String requestId, String caseId, String respondentOrganisationAlias,
                                     Instant dueAt) implements EvidenceEvent {
}
