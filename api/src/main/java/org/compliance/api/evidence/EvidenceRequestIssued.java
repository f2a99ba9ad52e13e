package org.compliance.api.evidence;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;

/**
 * A request for evidence was issued, due at {@code dueAt} (UTC), computed in {@code zone}. {@code period} is the
 * period it was counted from (null when staff gave the due moment itself, and in events stored before periods were
 * recorded); {@code skippedDays} are the days a period in working days did not count. It was issued as a formal
 * information notice when {@code formalNotice} is there (null for plain requests and in events stored before
 * notices existed). {@code namedSubjects}: the case's data subjects the items or the instructions name, under whose
 * keys both are stored sealed, item by item (decision 29; empty in events stored before, whose texts stay in clear).
 */
public record EvidenceRequestIssued(String requestId, String caseId, String respondentOrganisationAlias,
                                    @PersonalData(subjectsIn = "namedSubjects") List<String> items, String legalBasis,
                                    @PersonalData(subjectsIn = "namedSubjects") String instructions,
                                    Instant dueAt, String zone, StaffMember issuedBy, Instant issuedAt,
                                    Period period, List<SkippedDay> skippedDays,
                                    FormalNotice formalNotice, List<String> namedSubjects) implements EvidenceEvent {

    public EvidenceRequestIssued {
        skippedDays = skippedDays == null ? List.of() : List.copyOf(skippedDays);
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    /** A request naming no data subject (and the shape of the events stored before subjects were recorded). */
    public EvidenceRequestIssued(String requestId, String caseId, String respondentOrganisationAlias,
                                 List<String> items, String legalBasis, String instructions, Instant dueAt,
                                 String zone, StaffMember issuedBy, Instant issuedAt, Period period,
                                 List<SkippedDay> skippedDays, FormalNotice formalNotice) {
        this(requestId, caseId, respondentOrganisationAlias, items, legalBasis, instructions, dueAt, zone, issuedBy,
                issuedAt, period, skippedDays, formalNotice, List.of());
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
