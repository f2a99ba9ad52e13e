package org.compliance.api.evidence;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.StaffMember;

/**
 * Asks a respondent for evidence. The due moment is {@code dueAt} when given, else the end (Europe/London) of the
 * {@code dueInDays}-th day after issue counted by {@code dayCount} with the bank holidays of {@code calendar}; each of
 * the three, when null, is the case's authority's default. {@code formalNotice}, when given, is the signed notice
 * already rendered for it (its due moment must be the request's).
 */
public record IssueEvidenceRequest(String requestId, String caseId, String respondentOrganisationAlias,
                                   List<String> items, String legalBasis, String instructions,
                                   Integer dueInDays, Instant dueAt, StaffMember issuedBy,
                                   DayCount dayCount, BankHolidayCalendar calendar,
                                   FormalNotice formalNotice) implements EvidenceCommand {

    /** A request counted as the authority counts by default, not a formal notice. */
    public IssueEvidenceRequest(String requestId, String caseId, String respondentOrganisationAlias,
                                List<String> items, String legalBasis, String instructions, Integer dueInDays,
                                Instant dueAt, StaffMember issuedBy) {
        this(requestId, caseId, respondentOrganisationAlias, items, legalBasis, instructions, dueInDays, dueAt,
                issuedBy, null, null, null);
    }

    /** A counted request that is not a formal notice. */
    public IssueEvidenceRequest(String requestId, String caseId, String respondentOrganisationAlias,
                                List<String> items, String legalBasis, String instructions, Integer dueInDays,
                                Instant dueAt, StaffMember issuedBy, DayCount dayCount, BankHolidayCalendar calendar) {
        this(requestId, caseId, respondentOrganisationAlias, items, legalBasis, instructions, dueInDays, dueAt,
                issuedBy, dayCount, calendar, null);
    }
}
