package org.compliance.evidence.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolution;
import org.axonframework.eventsourcing.conflictresolution.Conflicts;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.compliance.api.evidence.AcceptEvidence;
import org.compliance.api.evidence.AddReviewNote;
import org.compliance.api.evidence.AcknowledgeEvidenceRequest;
import org.compliance.api.evidence.EvidenceCommand;
import org.compliance.api.evidence.EvidenceEvent;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.GrantExtension;
import org.compliance.api.evidence.IssueEvidenceRequest;
import org.compliance.api.evidence.RecordEvidenceDownload;
import org.compliance.api.evidence.RefuseExtension;
import org.compliance.api.evidence.RequestExtension;
import org.compliance.api.evidence.RequestMoreEvidence;
import org.compliance.api.evidence.RestartClock;
import org.compliance.api.evidence.StopClock;
import org.compliance.api.evidence.SubmitEvidence;
import org.compliance.api.evidence.WithdrawEvidenceRequest;
import org.compliance.evidence.domain.Deadlines.DueMomentPassed;
import org.compliance.evidence.domain.Deadlines.ReminderDue;

/**
 * An evidence request: the Axon shell of {@link EvidenceRules}. Each command handler asks the decider for the events
 * and applies them; the due moment's reminders and overdue deadline are scheduled in the same unit of work (so in
 * the same transaction) as the event that sets the due moment, and cancelled when the request completes or is
 * withdrawn, or its clock stops: deadlines are Axon's, so they stay here.
 */
public class EvidenceRequest {

    @AggregateIdentifier
    private String requestId;
    private RequestState state;

    protected EvidenceRequest() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public EvidenceRequest(IssueEvidenceRequest c, Clock clock, KnownCases cases, Periods periods,
                           ReminderSchedule reminders, DeadlineManager deadlines) {
        Instant now = clock.instant();
        EvidenceEvent issued = EvidenceRules.decide(null, c, now, cases, periods).getFirst();
        AggregateLifecycle.apply(issued);
        // a new aggregate takes its events only once its constructor returns: the due moment is the event's
        schedule(deadlines, reminders, now, EvidenceRules.evolve(null, issued).dueAt());
    }

    @CommandHandler
    Long handle(AcknowledgeEvidenceRequest c, Clock clock, KnownCases cases) {
        return record(c, clock, cases);
    }

    /** Answers the event itself: the receipt is made from exactly what was recorded. */
    @CommandHandler
    EvidenceSubmitted handle(SubmitEvidence c, Clock clock, KnownCases cases) {
        return (EvidenceSubmitted) recordOne(c, clock, cases);
    }

    @CommandHandler
    Long handle(RequestExtension c, Clock clock, KnownCases cases) {
        return record(c, clock, cases);
    }

    @CommandHandler
    Long handle(GrantExtension c, Clock clock, KnownCases cases, ReminderSchedule reminders, DeadlineManager deadlines) {
        return rescheduled(record(c, clock, cases), clock, reminders, deadlines);
    }

    @CommandHandler
    Long handle(RefuseExtension c, Clock clock, KnownCases cases) {
        return record(c, clock, cases);
    }

    @CommandHandler
    Long handle(AcceptEvidence c, Clock clock, KnownCases cases, DeadlineManager deadlines) {
        return cancelled(record(c, clock, cases), deadlines);
    }

    @CommandHandler
    Long handle(RequestMoreEvidence c, Clock clock, KnownCases cases, ReminderSchedule reminders,
                DeadlineManager deadlines) {
        return rescheduled(record(c, clock, cases), clock, reminders, deadlines);
    }

    @CommandHandler
    Long handle(WithdrawEvidenceRequest c, Clock clock, KnownCases cases, DeadlineManager deadlines) {
        return cancelled(record(c, clock, cases), deadlines);
    }

    @CommandHandler
    Long handle(RecordEvidenceDownload c, Clock clock, KnownCases cases) {
        return record(c, clock, cases);
    }

    /** No reminder is sent and nothing goes overdue while the clock is stopped: its deadlines go. */
    @CommandHandler
    Long handle(StopClock c, Clock clock, KnownCases cases, DeadlineManager deadlines) {
        return cancelled(record(c, clock, cases), deadlines);
    }

    /**
     * The overdue deadline at the moved due moment, and the reminders still ahead: each moved by the time stopped,
     * which are exactly those that had not yet fired when the clock stopped.
     */
    @CommandHandler
    Long handle(RestartClock c, Clock clock, KnownCases cases, ReminderSchedule reminders, DeadlineManager deadlines) {
        return rescheduled(record(c, clock, cases), clock, reminders, deadlines);
    }

    @CommandHandler
    Long handle(AddReviewNote c, Clock clock, KnownCases cases) {
        return record(c, clock, cases);
    }

    @DeadlineHandler(deadlineName = Deadlines.REMINDER)
    void on(ReminderDue reminder, Clock clock) {
        EvidenceRules.decide(state, reminder, clock.instant()).forEach(AggregateLifecycle::apply);
    }

    @DeadlineHandler(deadlineName = Deadlines.OVERDUE)
    void on(DueMomentPassed passed, Clock clock) {
        EvidenceRules.decide(state, passed, clock.instant()).forEach(AggregateLifecycle::apply);
    }

    @EventSourcingHandler
    void on(EvidenceEvent event) {
        state = EvidenceRules.evolve(state, event);
        requestId = state.requestId();
    }

    /** Applies what the decider answers for the command; answers the request's new version. */
    private Long record(EvidenceCommand c, Clock clock, KnownCases cases) {
        refuseUnseenChanges();
        EvidenceRules.decide(state, c, clock.instant(), cases).forEach(AggregateLifecycle::apply);
        return getVersion();
    }

    private EvidenceEvent recordOne(EvidenceCommand c, Clock clock, KnownCases cases) {
        refuseUnseenChanges();
        List<EvidenceEvent> events = EvidenceRules.decide(state, c, clock.instant(), cases);
        events.forEach(AggregateLifecycle::apply);
        return events.getFirst();
    }

    /**
     * For a command sent with the version its sender read (If-Match), Axon holds the events that came after it;
     * the decider says which of them the sender must see first (409). Without an expected version there are none.
     */
    private static void refuseUnseenChanges() {
        ConflictResolution.getConflictResolver().detectConflicts(Conflicts.payloadMatching(
                payload -> payload instanceof EvidenceEvent unseen && EvidenceRules.conflictsWithAnUnseenChange(unseen)));
    }

    private Long rescheduled(Long version, Clock clock, ReminderSchedule reminders, DeadlineManager deadlines) {
        cancel(deadlines);
        schedule(deadlines, reminders, clock.instant(), state.dueAt());
        return version;
    }

    private static Long cancelled(Long version, DeadlineManager deadlines) {
        cancel(deadlines);
        return version;
    }

    private static void schedule(DeadlineManager deadlines, ReminderSchedule reminders, Instant now, Instant dueAt) {
        for (int days : reminders.ahead(now, dueAt)) {
            deadlines.schedule(ReminderSchedule.moment(dueAt, days), Deadlines.REMINDER, new ReminderDue(dueAt, days));
        }
        deadlines.schedule(dueAt, Deadlines.OVERDUE, new DueMomentPassed(dueAt));
    }

    private static void cancel(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(Deadlines.REMINDER);
        deadlines.cancelAllWithinScope(Deadlines.OVERDUE);
    }
}
