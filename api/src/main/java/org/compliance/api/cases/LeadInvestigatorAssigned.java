package org.compliance.api.cases;

import org.compliance.api.shared.StaffMember;

/** The case has a new lead investigator. */
public record LeadInvestigatorAssigned(String caseId, StaffMember leadInvestigator,
                                       StaffMember previousLeadInvestigator) implements CaseEvent {
}
