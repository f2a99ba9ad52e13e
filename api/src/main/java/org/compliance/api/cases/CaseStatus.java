package org.compliance.api.cases;

/** Where a case stands. case-service's README has the table of allowed transitions. */
public enum CaseStatus {
    OPENED, INVESTIGATING, FINDINGS, DECISION_ISSUED, CLOSED, SUSPENDED, REFERRED
}
