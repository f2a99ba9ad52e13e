package org.compliance.api.evidence;

/**
 * Where an evidence request stands, as its company and the regulator read it: whether something is due from the
 * company, and if not, why not. Worked out from the request's document ({@link RequestDocument#standing()}); the
 * status (open, complete, withdrawn) says only whether the request is finished.
 */
public enum RequestStanding {
    /** Issued and not yet acknowledged: the evidence is due from the company. */
    AWAITING_ACKNOWLEDGEMENT(true),
    /** Acknowledged: the evidence is due from the company. */
    ACKNOWLEDGED(true),
    /** The regulator asked for more evidence ({@code stillMissing}, by the due moment): due from the company again. */
    MORE_EVIDENCE_ASKED(true),
    /**
     * The regulator stopped the clock (since when and why: {@code clockStopped}): the evidence is still owed and may be
     * submitted, but the time left stands still until the clock restarts.
     */
    CLOCK_STOPPED(true),
    /** Evidence was submitted and awaits the regulator's review: nothing is due from the company meanwhile. */
    SUBMITTED_AWAITING_REVIEW(false),
    /** The regulator accepted the evidence: the request is complete. */
    ACCEPTED(false),
    /** The regulator withdrew the request: nothing is due. */
    WITHDRAWN(false);

    private final boolean awaitsRespondent;

    RequestStanding(boolean awaitsRespondent) {
        this.awaitsRespondent = awaitsRespondent;
    }

    /** Whether evidence is due from the company: only then are the time left and the submission form shown. */
    public boolean awaitsRespondent() {
        return awaitsRespondent;
    }

    /** Whether the time left runs down now: evidence is due and the clock is not stopped. */
    public boolean clockRunning() {
        return awaitsRespondent && this != CLOCK_STOPPED;
    }
}
