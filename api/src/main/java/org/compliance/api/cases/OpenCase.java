package org.compliance.api.cases;

import java.util.List;
import org.compliance.api.shared.StaffMember;

/** Opens an investigation case; the investigator who opens it becomes its lead investigator. */
public record OpenCase(String caseId, String title, String summary, String authority, List<String> legalBases,
                       Priority priority, Confidentiality confidentiality, List<Respondent> respondents,
                       List<Complainant> complainants, List<Allegation> allegations, StaffMember leadInvestigator) implements CaseCommand {
}
