package org.compliance.api.cases;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.StaffMember;

/** An investigation case was opened. Other services learn of cases from this event. */
public record CaseOpened(String caseId, String title, String summary, String authority, List<String> legalBases,
                         Priority priority, Confidentiality confidentiality, List<Respondent> respondents,
                         List<Complainant> complainants, List<Allegation> allegations,
                         StaffMember leadInvestigator, Instant openedAt) {
}
