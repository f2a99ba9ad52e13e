package org.compliance.cases.domain;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.compliance.api.cases.AddAllegation;
import org.compliance.api.cases.AddCaseNote;
import org.compliance.api.cases.AddComplainant;
import org.compliance.api.cases.AddRespondent;
import org.compliance.api.cases.AddTeamMember;
import org.compliance.api.cases.AmendAllegation;
import org.compliance.api.cases.AssignLeadInvestigator;
import org.compliance.api.cases.CaseCommand;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.cases.CloseCase;
import org.compliance.api.cases.IssueDecision;
import org.compliance.api.cases.EraseDataSubject;
import org.compliance.api.cases.LiftLegalHold;
import org.compliance.api.cases.NamePerson;
import org.compliance.api.cases.OpenCase;
import org.compliance.api.cases.PlaceLegalHold;
import org.compliance.api.cases.RecordFindings;
import org.compliance.api.cases.RecordOverdueEvidence;
import org.compliance.api.cases.ResolveOverdueEvidence;
import org.compliance.api.cases.ReferCase;
import org.compliance.api.cases.RemoveTeamMember;
import org.compliance.api.cases.ReopenCase;
import org.compliance.api.cases.ResumeCase;
import org.compliance.api.cases.StartInvestigation;
import org.compliance.api.cases.SuspendCase;
import org.compliance.api.cases.WithdrawAllegation;
import org.compliance.api.cases.WithdrawComplainant;
import org.compliance.api.cases.WithdrawRespondent;

/**
 * The investigation case as Axon keeps it: a thin shell around the decider {@link CaseRules}. Every command
 * handler hands its command to {@link CaseRules#decide}, applies the events it answers and answers the case's
 * new version (the HTTP ETag); the one event-sourcing handler folds each event with {@link CaseRules#evolve}.
 * Axon routes a command by its handler's parameter type, hence one handler per command.
 * <p>
 * Snapshotted (Jackson, every {@code compliance.axon.snapshot-threshold} events): a snapshot holds the id and the
 * {@link CaseState}. A snapshot is read only under the revision it was stored with, so <strong>a change to the shape
 * of {@code CaseState} (or of the records it holds) bumps {@code @Revision}</strong>; the older snapshots are then
 * passed over and the cases loaded from their events (docs/decisions/0024-snapshots.md).
 */
@Revision("3")
public class InvestigationCase {

    @AggregateIdentifier
    private String caseId;
    private CaseState state;

    protected InvestigationCase() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public InvestigationCase(OpenCase command, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        CaseRules.decide(null, command, clock.instant(), authorities, penaltyRegimes)
                .forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    Long handle(AddRespondent c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(WithdrawRespondent c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(AddComplainant c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(WithdrawComplainant c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(AddAllegation c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(AmendAllegation c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(WithdrawAllegation c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(AssignLeadInvestigator c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(AddTeamMember c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(RemoveTeamMember c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(StartInvestigation c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(RecordFindings c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(IssueDecision c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(CloseCase c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(SuspendCase c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(ResumeCase c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(ReferCase c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(ReopenCase c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(PlaceLegalHold c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(LiftLegalHold c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(AddCaseNote c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(EraseDataSubject c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(NamePerson c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(RecordOverdueEvidence c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    @CommandHandler
    Long handle(ResolveOverdueEvidence c, Clock clock, Authorities authorities, PenaltyRegimes penaltyRegimes) {
        return decide(c, clock, authorities, penaltyRegimes);
    }

    private Long decide(CaseCommand command, Clock clock, Authorities authorities,
                        PenaltyRegimes penaltyRegimes) {
        CaseRules.decide(state, command, clock.instant(), authorities, penaltyRegimes)
                .forEach(AggregateLifecycle::apply);
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(CaseEvent event) {
        caseId = event.caseId();
        state = CaseRules.evolve(state, event);
    }
}
