package org.compliance.cases.domain;

import static org.compliance.api.cases.CaseStatus.CLOSED;
import static org.compliance.api.cases.CaseStatus.DECISION_ISSUED;
import static org.compliance.api.cases.CaseStatus.FINDINGS;
import static org.compliance.api.cases.CaseStatus.INVESTIGATING;
import static org.compliance.api.cases.CaseStatus.OPENED;
import static org.compliance.api.cases.CaseStatus.REFERRED;
import static org.compliance.api.cases.CaseStatus.SUSPENDED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.compliance.api.cases.CaseStatus;
import org.compliance.platform.domain.RuleViolation;

/**
 * The allowed status transitions, as one table (case-service's README shows the same table). Resuming
 * returns to the status the case had when it was suspended, so its target is not fixed here.
 */
public enum CaseAction {
    START_INVESTIGATION("start the investigation of", EnumSet.of(OPENED), INVESTIGATING),
    RECORD_FINDINGS("record findings on", EnumSet.of(INVESTIGATING), FINDINGS),
    ISSUE_DECISION("issue a decision on", EnumSet.of(FINDINGS), DECISION_ISSUED),
    CLOSE("close", EnumSet.of(DECISION_ISSUED, REFERRED), CLOSED),
    SUSPEND("suspend", EnumSet.of(OPENED, INVESTIGATING, FINDINGS), SUSPENDED),
    RESUME("resume", EnumSet.of(SUSPENDED), null),
    REFER("refer", EnumSet.of(OPENED, INVESTIGATING, FINDINGS), REFERRED),
    REOPEN("reopen", EnumSet.of(CLOSED), INVESTIGATING);

    private final String verb;
    private final Set<CaseStatus> from;
    private final CaseStatus to;

    CaseAction(String verb, Set<CaseStatus> from, CaseStatus to) {
        this.verb = verb;
        this.from = from;
        this.to = to;
    }

    public Set<CaseStatus> from() {
        return from;
    }

    /** The status after the action; {@code null} for {@link #RESUME}, which returns to the status before suspension. */
    public CaseStatus to() {
        return to;
    }

    public boolean allowedFrom(CaseStatus status) {
        return from.contains(status);
    }

    /** Only supervisors decide; every other transition is open to investigators too. */
    public boolean forSupervisorsOnly() {
        return this == ISSUE_DECISION;
    }

    /** The transitions a case in this status allows, in the table's order. */
    public static List<CaseAction> allowedFromStatus(CaseStatus status) {
        return Arrays.stream(values()).filter(action -> action.allowedFrom(status)).toList();
    }

    /** Refuses the action with a 409 that names the current status and where the action is allowed. */
    void requireFrom(CaseStatus status) {
        if (!allowedFrom(status)) {
            throw RuleViolation.conflict("Cannot " + verb + " a case that is " + status + "; allowed only from "
                    + from);
        }
    }
}
