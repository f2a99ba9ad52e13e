package org.compliance.api.cases;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;

/**
 * An investigation case was opened. Other services learn of cases from this event. A summary that names the case's
 * data subjects ({@code summaryNamedSubjects}) is sealed under their keys.
 */
public record CaseOpened(String caseId, String title,
                         @PersonalData(subjectsIn = "summaryNamedSubjects") String summary, String authority,
                         List<String> legalBases, Priority priority, Confidentiality confidentiality,
                         List<Respondent> respondents, List<Complainant> complainants, List<Allegation> allegations,
                         StaffMember leadInvestigator, Instant openedAt, List<String> summaryNamedSubjects)
        implements CaseEvent {

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
        summaryNamedSubjects = summaryNamedSubjects == null ? List.of() : List.copyOf(summaryNamedSubjects);
    }

    public CaseOpened(String caseId, String title, String summary, String authority, List<String> legalBases,
                      Priority priority, Confidentiality confidentiality, List<Respondent> respondents,
                      List<Complainant> complainants, List<Allegation> allegations, StaffMember leadInvestigator,
                      Instant openedAt) {
        this(caseId, title, summary, authority, legalBases, priority, confidentiality, respondents, complainants,
                allegations, leadInvestigator, openedAt, List.of());
    }
}
