package org.compliance.api.evidence;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.StaffMember;

/**
 * Asks a respondent for evidence. The due moment is {@code dueAt} when given, else the end of the
 * {@code dueInDays}-th (default 14) calendar day after issue in Europe/London.
 */
public record IssueEvidenceRequest(String requestId, String caseId, String respondentOrganisationAlias,
                                   List<String> items, String legalBasis, String instructions,
                                   Integer dueInDays, Instant dueAt, StaffMember issuedBy) implements EvidenceCommand {
}
