package org.compliance.api.evidence;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.StaffMember;

/** A request for evidence was issued, due at {@code dueAt} (UTC), computed in {@code zone}. */
public record EvidenceRequestIssued(String requestId, String caseId, String respondentOrganisationAlias,
                                    List<String> items, String legalBasis, String instructions,
                                    Instant dueAt, String zone, StaffMember issuedBy, Instant issuedAt) implements EvidenceEvent {
}
