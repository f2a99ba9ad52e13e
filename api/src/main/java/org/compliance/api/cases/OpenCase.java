package org.compliance.api.cases;

import java.util.List;
import org.compliance.api.shared.StaffMember;

/**
 * Opens an investigation case with its lead investigator (the one who opens it, unless they chose another member of
 * staff) and, optionally, the rest of its team from the start.
 */
public record OpenCase(String caseId, String title, String summary, String authority, List<String> legalBases,
                       Priority priority, Confidentiality confidentiality, List<Respondent> respondents,
                       List<Complainant> complainants, List<Allegation> allegations, StaffMember leadInvestigator,
                       List<StaffMember> team) implements CaseCommand {

    public OpenCase {
        team = team == null ? List.of() : List.copyOf(team);
    }
}
