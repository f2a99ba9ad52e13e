package org.compliance.api.evidence.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The evidence side of a member of staff's "My work", for the cases they lead or are on the team of: open requests
 * overdue and due within {@code dueWithinDays}, submissions awaiting review, extension requests awaiting a
 * supervisor (for supervisors, on every case: they decide them), and how many open requests fall due on each of
 * the next days ({@code zone}'s calendar days, today first). Each list carries its full count and its first items,
 * soonest due first.
 */
public record EvidenceWork(Instant asOf, String zone, int dueWithinDays, WorkList overdue, WorkList dueSoon,
                           WorkList awaitingReview, WorkList extensionsAwaitingDecision, List<DueDay> dueByDay) {

    /** A list's full count and its first items. */
    public record WorkList(long count, List<WorkItem> items) {
    }

    /**
     * One request: its subject (the first item asked for), its case's title (null when evidence-service learnt of
     * the case before it kept titles), the organisation asked (its alias, and its name as the case named it), and its
     * due moment.
     */
    public record WorkItem(String requestId, String subject, String caseId, String caseTitle,
                           String organisationAlias, String organisationName, Instant dueAt, boolean overdue) {
    }

    /** How many open requests fall due on one day. */
    public record DueDay(LocalDate day, long count) {
    }
}
