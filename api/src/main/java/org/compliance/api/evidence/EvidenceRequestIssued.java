package org.compliance.api.evidence;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.StaffMember;

/**
 * A request for evidence was issued, due at {@code dueAt} (UTC), computed in {@code zone}; as a formal information
 * notice when {@code formalNotice} is there (null in events stored before notices existed, and for plain requests).
 */
public record EvidenceRequestIssued(String requestId, String caseId, String respondentOrganisationAlias,
                                    List<String> items, String legalBasis, String instructions,
                                    Instant dueAt, String zone, StaffMember issuedBy, Instant issuedAt,
                                    FormalNotice formalNotice) implements EvidenceEvent {

    /** A request that is not a formal notice. */
    public EvidenceRequestIssued(String requestId, String caseId, String respondentOrganisationAlias,
                                 List<String> items, String legalBasis, String instructions,
                                 Instant dueAt, String zone, StaffMember issuedBy, Instant issuedAt) {
        this(requestId, caseId, respondentOrganisationAlias, items, legalBasis, instructions, dueAt, zone, issuedBy,
                issuedAt, null);
    }
}
