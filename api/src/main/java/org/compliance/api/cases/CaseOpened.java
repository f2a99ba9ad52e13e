package org.compliance.api.cases;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.StaffMember;

/** An investigation case was opened. Other services learn of cases from this event. */
public record CaseOpened(String caseId, String title, String summary, String authority, List<String> legalBases,
                         Priority priority, Confidentiality confidentiality, List<Respondent> respondents,
                         List<Complainant> complainants, List<Allegation> allegations,
                         StaffMember leadInvestigator, Instant openedAt) implements CaseEvent {

    /** Events stored before a field existed read with its neutral value rather than null. */
    public CaseOpened {
        summary = summary == null ? "" : summary;
        authority = authority == null ? "" : authority;
        legalBases = legalBases == null ? List.of() : legalBases;
        priority = priority == null ? Priority.NORMAL : priority;
        confidentiality = confidentiality == null ? Confidentiality.STANDARD : confidentiality;
        respondents = respondents == null ? List.of() : respondents;
        complainants = complainants == null ? List.of() : complainants;
        allegations = allegations == null ? List.of() : allegations;
    }
}
