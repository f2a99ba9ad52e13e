package org.compliance.api.evidence;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.StaffMember;

/**
 * Asks a respondent for evidence. The due moment is {@code dueAt} when given, else the end of the
 * {@code dueInDays}-th (default 14) calendar day after issue in Europe/London. {@code formalNotice}, when given,
 * is the signed notice already rendered for it (its due moment must be the request's).
 */
public record IssueEvidenceRequest(String requestId, String caseId, String respondentOrganisationAlias,
                                   List<String> items, String legalBasis, String instructions,
                                   Integer dueInDays, Instant dueAt, StaffMember issuedBy,
                                   FormalNotice formalNotice) implements EvidenceCommand {

    /** A request that is not a formal notice. */
    public IssueEvidenceRequest(String requestId, String caseId, String respondentOrganisationAlias,
                                List<String> items, String legalBasis, String instructions,
                                Integer dueInDays, Instant dueAt, StaffMember issuedBy) {
        this(requestId, caseId, respondentOrganisationAlias, items, legalBasis, instructions, dueInDays, dueAt,
                issuedBy, null);
    }
}
