package org.compliance.cases.application;

import org.compliance.cases.query.Viewer;
import org.compliance.platform.identity.Caller;

/** Which cases a caller may read, from their roles and organisations. */
public final class Viewers {

    private Viewers() {
    }

    public static Viewer of(Caller caller) {
        if (caller.hasRole("supervisor") || caller.hasRole("auditor")) {
            return new Viewer.AllCases();
        }
        if (caller.hasRole("investigator")) {
            return new Viewer.Investigator(caller.subject());
        }
        return new Viewer.Company(caller.organisations());
    }

    public static boolean readsStaffViews(Caller caller) {
        return caller.hasRole("supervisor") || caller.hasRole("investigator") || caller.hasRole("auditor");
    }
}
