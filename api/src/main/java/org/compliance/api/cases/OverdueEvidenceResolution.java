package org.compliance.api.cases;

/** How an overdue evidence request stopped holding the case up. */
public enum OverdueEvidenceResolution {
    /** The respondent submitted evidence after the due moment. */
    EVIDENCE_SUBMITTED,
    /** The investigator accepted the evidence. */
    EVIDENCE_ACCEPTED,
    /** The request was given a new due moment (an extension granted or more evidence asked for). */
    DUE_MOMENT_MOVED,
    /** The investigator withdrew the request. */
    REQUEST_WITHDRAWN
}
