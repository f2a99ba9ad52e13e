package org.compliance.evidence.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.compliance.api.evidence.AcceptEvidence;
import org.compliance.api.evidence.AcknowledgeEvidenceRequest;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.GrantExtension;
import org.compliance.api.evidence.IssueEvidenceRequest;
import org.compliance.api.evidence.RecordEvidenceDownload;
import org.compliance.api.evidence.RefuseExtension;
import org.compliance.api.evidence.RequestExtension;
import org.compliance.api.evidence.RequestMoreEvidence;
import org.compliance.api.evidence.SubmitEvidence;
import org.compliance.api.evidence.WithdrawEvidenceRequest;
import org.compliance.evidence.domain.Deadlines.DueMomentPassed;
import org.compliance.evidence.domain.Deadlines.ReminderDue;

/**
 * An evidence request. Handlers ask {@link EvidenceRules} for the event and apply it; the due moment's
 * reminders and overdue deadline are scheduled in the same unit of work (so in the same transaction) as the
 * event that sets the due moment, and cancelled when the request completes or is withdrawn.
 */
public class EvidenceRequest {

    @AggregateIdentifier
    private String requestId;
    private RequestFile file;

    protected EvidenceRequest() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public EvidenceRequest(IssueEvidenceRequest c, Clock clock, KnownCases cases, ReminderSchedule reminders,
                           DeadlineManager deadlines) {
        Instant now = clock.instant();
        EvidenceRequestIssued issued = EvidenceRules.issue(c, now, cases);
        apply(issued);
        schedule(deadlines, reminders, now, issued.dueAt());
    }

    @CommandHandler
    Long handle(AcknowledgeEvidenceRequest c, Clock clock) {
        return record(EvidenceRules.acknowledge(file, c, clock.instant()));
    }

    /** Answers the event itself: the receipt is made from exactly what was recorded. */
    @CommandHandler
    EvidenceSubmitted handle(SubmitEvidence c, Clock clock) {
        EvidenceSubmitted submitted = EvidenceRules.submit(file, c, clock.instant());
        apply(submitted);
        return submitted;
    }

    @CommandHandler
    Long handle(RequestExtension c, Clock clock) {
        return record(EvidenceRules.requestExtension(file, c, clock.instant()));
    }

    @CommandHandler
    Long handle(GrantExtension c, Clock clock, ReminderSchedule reminders, DeadlineManager deadlines) {
        Long version = record(EvidenceRules.grantExtension(file, c, clock.instant()));
        reschedule(deadlines, reminders, clock.instant());
        return version;
    }

    @CommandHandler
    Long handle(RefuseExtension c) {
        return record(EvidenceRules.refuseExtension(file, c));
    }

    @CommandHandler
    Long handle(AcceptEvidence c, Clock clock, DeadlineManager deadlines) {
        Long version = record(EvidenceRules.accept(file, c, clock.instant()));
        cancel(deadlines);
        return version;
    }

    @CommandHandler
    Long handle(RequestMoreEvidence c, Clock clock, ReminderSchedule reminders, DeadlineManager deadlines) {
        Long version = record(EvidenceRules.requestMore(file, c, clock.instant()));
        reschedule(deadlines, reminders, clock.instant());
        return version;
    }

    @CommandHandler
    Long handle(WithdrawEvidenceRequest c, DeadlineManager deadlines) {
        Long version = record(EvidenceRules.withdraw(file, c));
        cancel(deadlines);
        return version;
    }

    @CommandHandler
    Long handle(RecordEvidenceDownload c, Clock clock) {
        return record(EvidenceRules.download(file, c, clock.instant()));
    }

    @DeadlineHandler(deadlineName = Deadlines.REMINDER)
    void on(ReminderDue reminder, Clock clock) {
        EvidenceRules.remind(file, reminder, clock.instant()).ifPresent(event -> apply(event));
    }

    @DeadlineHandler(deadlineName = Deadlines.OVERDUE)
    void on(DueMomentPassed passed) {
        EvidenceRules.overdue(file, passed).ifPresent(event -> apply(event));
    }

    private Long record(Object event) {
        apply(event);
        return getVersion();
    }

    private void reschedule(DeadlineManager deadlines, ReminderSchedule reminders, Instant now) {
        cancel(deadlines);
        schedule(deadlines, reminders, now, file.dueAt());
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

    @EventSourcingHandler
    void on(EvidenceRequestIssued event) {
        requestId = event.requestId();
        file = RequestFile.issued(event);
    }

    @EventSourcingHandler
    void on(Object event) {
        if (!(event instanceof EvidenceRequestIssued)) {
            file.apply(event);
        }
    }
}
