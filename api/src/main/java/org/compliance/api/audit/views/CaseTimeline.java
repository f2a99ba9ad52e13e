package org.compliance.api.audit.views;

import java.time.Instant;
import java.util.List;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.DecisionKind;

/**
 * A case's life as periods and moments, for drawing it on a time line: each status it had and for how long, its
 * legal holds, its decisions, and each evidence request from issue to its end with every due moment it had. Rebuilt
 * by replaying the events through the same folds as the case as it stood ({@link AsOf}); {@code until} null: still so
 * at {@code asOf}.
 */
public record CaseTimeline(String caseId, String title, Instant openedAt, Instant asOf,
                           List<StatusPeriod> statuses, List<LegalHoldPeriod> legalHolds,
                           List<DecisionMoment> decisions, List<RequestPeriod> requests) {

    public record StatusPeriod(CaseStatus status, Instant from, Instant until) {
    }

    public record LegalHoldPeriod(String reason, Instant placedAt, Instant liftedAt) {
    }

    /** A decision issued; {@code addresseeOrganisationAlias} null: to the whole case. */
    public record DecisionMoment(DecisionKind kind, String addresseeOrganisationAlias, Instant at) {
    }

    /**
     * An evidence request from its issue until it was complete or withdrawn ({@code closedAt}, null while open),
     * its due moments in the order it had them (an extension or a stopped clock moves it), and when it fell overdue.
     */
    public record RequestPeriod(String requestId, String subject, String organisationAlias, Instant issuedAt,
                                List<Instant> dueMoments, Instant overdueAt, Instant closedAt, String status) {
    }
}
