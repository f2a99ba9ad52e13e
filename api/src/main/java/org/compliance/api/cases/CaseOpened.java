package org.compliance.api.cases;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.StaffMember;

/** An investigation case was opened. Other services learn of cases from this event only. */
public record CaseOpened(String caseId, String title, List<Respondent> respondents, List<Allegation> allegations,
                         StaffMember leadInvestigator, Instant openedAt) {
}
