package org.compliance.api.evidence;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.StaffMember;

/**
 * A request for evidence was issued, due at {@code dueAt} (UTC), computed in {@code zone}. {@code period} is the
 * period it was counted from (null when staff gave the due moment itself, and in events stored before periods were
 * recorded); {@code skippedDays} are the days a period in working days did not count. It was issued as a formal
 * information notice when {@code formalNotice} is there (null for plain requests and in events stored before
 * notices existed).
 */
public record EvidenceRequestIssued(String requestId, String caseId, String respondentOrganisationAlias,
                                    List<String> items, String legalBasis, String instructions,
                                    Instant dueAt, String zone, StaffMember issuedBy, Instant issuedAt,
                                    Period period, List<SkippedDay> skippedDays,
                                    FormalNotice formalNotice) implements EvidenceEvent {

    public EvidenceRequestIssued {
        skippedDays = skippedDays == null ? List.of() : List.copyOf(skippedDays);
    }

    /** A request whose due moment was given, not counted (and the shape of the events stored before periods). */
    public EvidenceRequestIssued(String requestId, String caseId, String respondentOrganisationAlias,
                                 List<String> items, String legalBasis, String instructions, Instant dueAt,
                                 String zone, StaffMember issuedBy, Instant issuedAt) {
        this(requestId, caseId, respondentOrganisationAlias, items, legalBasis, instructions, dueAt, zone, issuedBy,
                issuedAt, null, List.of(), null);
    }

    /** A counted request that is not a formal notice. */
    public EvidenceRequestIssued(String requestId, String caseId, String respondentOrganisationAlias,
                                 List<String> items, String legalBasis, String instructions, Instant dueAt,
                                 String zone, StaffMember issuedBy, Instant issuedAt, Period period,
                                 List<SkippedDay> skippedDays) {
        this(requestId, caseId, respondentOrganisationAlias, items, legalBasis, instructions, dueAt, zone, issuedBy,
                issuedAt, period, skippedDays, null);
    }
}
