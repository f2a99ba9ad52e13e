package org.compliance.notifications.domain;

/**
 * The kinds of notice the suite sends. Legal notices always go by e-mail and to the inbox, whatever the
 * recipient's preferences, and never wait for a digest.
 */
public enum NoticeKind {
    CASE_ASSIGNED(false),
    REQUEST_ISSUED(true),
    DEADLINE_APPROACHING(false),
    REQUEST_OVERDUE(true),
    EVIDENCE_SUBMITTED(false),
    EXTENSION_REQUESTED(false),
    EXTENSION_GRANTED(false),
    EXTENSION_REFUSED(false),
    MORE_EVIDENCE_REQUESTED(false),
    REQUEST_WITHDRAWN(false),
    CLOCK_STOPPED(false),
    CLOCK_RESTARTED(false),
    DECISION_ISSUED(true),
    CASE_REFERRED(false),
    CASE_CLOSED(false);

    private final boolean legalNotice;

    NoticeKind(boolean legalNotice) {
        this.legalNotice = legalNotice;
    }

    public boolean isLegalNotice() {
        return legalNotice;
    }

    /** The name webhook receivers see, e.g. {@code evidence-request.issued}. */
    public String webhookType() {
        return switch (this) {
            case CASE_ASSIGNED -> "case.assigned";
            case REQUEST_ISSUED -> "evidence-request.issued";
            case DEADLINE_APPROACHING -> "evidence-request.deadline-approaching";
            case REQUEST_OVERDUE -> "evidence-request.overdue";
            case EVIDENCE_SUBMITTED -> "evidence-request.evidence-submitted";
            case EXTENSION_REQUESTED -> "evidence-request.extension-requested";
            case EXTENSION_GRANTED -> "evidence-request.extension-granted";
            case EXTENSION_REFUSED -> "evidence-request.extension-refused";
            case MORE_EVIDENCE_REQUESTED -> "evidence-request.more-evidence-requested";
            case REQUEST_WITHDRAWN -> "evidence-request.withdrawn";
            case CLOCK_STOPPED -> "evidence-request.clock-stopped";
            case CLOCK_RESTARTED -> "evidence-request.clock-restarted";
            case DECISION_ISSUED -> "case.decision-issued";
            case CASE_REFERRED -> "case.referred";
            case CASE_CLOSED -> "case.closed";
        };
    }
}
