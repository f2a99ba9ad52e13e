package org.compliance.api.evidence.requests;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.compliance.api.evidence.BankHolidayCalendar;
import org.compliance.api.evidence.DayCount;
import org.compliance.api.shared.SingleLine;

/**
 * An evidence request to issue. {@code dueInDays} is counted by {@code dayCount} (calendar or working days) with the
 * bank holidays of {@code calendar}; each, when absent, is the default of the case's authority. With
 * {@code formalNotice} it is issued as a formal information notice (a signed PDF).
 */
public record IssueRequest(
        @NotBlank @Pattern(regexp = IssueRequest.UUID_TEXT, message = "must be a case id (a UUID)") String caseId,
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}") String respondentOrganisationAlias,
        @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 2000) String> items,
        @NotBlank @SingleLine @Size(max = 200) String legalBasis,
        @Size(max = 10_000) String instructions,
        @Min(1) @Max(366) Integer dueInDays,
        Instant dueAt,
        DayCount dayCount,
        BankHolidayCalendar calendar,
        @Valid FormalNoticeInput formalNotice) {

    static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** A request counted as the case's authority counts by default, not a formal notice. */
    public IssueRequest(String caseId, String respondentOrganisationAlias, List<String> items, String legalBasis,
                        String instructions, Integer dueInDays, Instant dueAt) {
        this(caseId, respondentOrganisationAlias, items, legalBasis, instructions, dueInDays, dueAt, null, null, null);
    }

    /** A counted request that is not a formal notice. */
    public IssueRequest(String caseId, String respondentOrganisationAlias, List<String> items, String legalBasis,
                        String instructions, Integer dueInDays, Instant dueAt, DayCount dayCount,
                        BankHolidayCalendar calendar) {
        this(caseId, respondentOrganisationAlias, items, legalBasis, instructions, dueInDays, dueAt, dayCount,
                calendar, null);
    }
}
