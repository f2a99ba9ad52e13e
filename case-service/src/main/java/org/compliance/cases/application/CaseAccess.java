package org.compliance.cases.application;

import org.compliance.cases.query.CaseVisibility;
import org.compliance.platform.identity.Caller;

/** What a caller may read of cases, from their roles and organisations. */
public final class CaseAccess {

    private CaseAccess() {
    }

    /** The cases the caller may see. */
    public static CaseVisibility visibility(Caller caller) {
        if (caller.hasRole("supervisor") || caller.hasRole("auditor")) {
            return new CaseVisibility.AllCases();
        }
        if (caller.hasRole("investigator")) {
            return new CaseVisibility.InvestigatorCases(caller.subject());
        }
        return new CaseVisibility.RespondentCases(caller.organisations());
    }

    /** Whether the caller reads the staff view of a case (else the respondent view). */
    public static boolean readsStaffViews(Caller caller) {
        return caller.hasRole("supervisor") || caller.hasRole("investigator") || caller.hasRole("auditor");
    }
}
