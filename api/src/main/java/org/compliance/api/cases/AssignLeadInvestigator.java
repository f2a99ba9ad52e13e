package org.compliance.api.cases;

import org.compliance.api.shared.StaffMember;

/** Makes a member of staff the lead investigator (reassigns the case). */
public record AssignLeadInvestigator(String caseId, StaffMember leadInvestigator) implements CaseCommand {
}
