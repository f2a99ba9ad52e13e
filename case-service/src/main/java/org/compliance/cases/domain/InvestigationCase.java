package org.compliance.cases.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.compliance.api.cases.AddAllegation;
import org.compliance.api.cases.AddCaseNote;
import org.compliance.api.cases.AddComplainant;
import org.compliance.api.cases.AddRespondent;
import org.compliance.api.cases.AddTeamMember;
import org.compliance.api.cases.AmendAllegation;
import org.compliance.api.cases.AssignLeadInvestigator;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.CloseCase;
import org.compliance.api.cases.IssueDecision;
import org.compliance.api.cases.LiftLegalHold;
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
 * The investigation case. A thin shell around {@link CaseRules} and {@link CaseFile}: every handler asks the
 * rules for the event, applies it, and answers the case's new version (the HTTP ETag).
 */
public class InvestigationCase {

    @AggregateIdentifier
    private String caseId;
    private CaseFile file;

    protected InvestigationCase() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public InvestigationCase(OpenCase command, Clock clock, Authorities authorities) {
        apply(CaseRules.open(command, clock.instant(), authorities));
    }

    @CommandHandler
    Long handle(AddRespondent c) {
        return record(CaseRules.addRespondent(file, c));
    }

    @CommandHandler
    Long handle(WithdrawRespondent c) {
        return record(CaseRules.withdrawRespondent(file, c));
    }

    @CommandHandler
    Long handle(AddComplainant c) {
        return record(CaseRules.addComplainant(file, c));
    }

    @CommandHandler
    Long handle(WithdrawComplainant c) {
        return record(CaseRules.withdrawComplainant(file, c));
    }

    @CommandHandler
    Long handle(AddAllegation c, Clock clock) {
        return record(CaseRules.addAllegation(file, c, clock.instant()));
    }

    @CommandHandler
    Long handle(AmendAllegation c, Clock clock) {
        return record(CaseRules.amendAllegation(file, c, clock.instant()));
    }

    @CommandHandler
    Long handle(WithdrawAllegation c) {
        return record(CaseRules.withdrawAllegation(file, c));
    }

    @CommandHandler
    Long handle(AssignLeadInvestigator c) {
        return record(CaseRules.assignLead(file, c));
    }

    @CommandHandler
    Long handle(AddTeamMember c) {
        return record(CaseRules.addTeamMember(file, c));
    }

    @CommandHandler
    Long handle(RemoveTeamMember c) {
        return record(CaseRules.removeTeamMember(file, c));
    }

    @CommandHandler
    Long handle(StartInvestigation c) {
        return record(CaseRules.startInvestigation(file, c));
    }

    @CommandHandler
    Long handle(RecordFindings c) {
        return record(CaseRules.recordFindings(file, c));
    }

    @CommandHandler
    Long handle(IssueDecision c, Clock clock) {
        return record(CaseRules.issueDecision(file, c, clock.instant()));
    }

    @CommandHandler
    Long handle(CloseCase c) {
        return record(CaseRules.close(file, c));
    }

    @CommandHandler
    Long handle(SuspendCase c) {
        return record(CaseRules.suspend(file, c));
    }

    @CommandHandler
    Long handle(ResumeCase c) {
        return record(CaseRules.resume(file, c));
    }

    @CommandHandler
    Long handle(ReferCase c) {
        return record(CaseRules.refer(file, c));
    }

    @CommandHandler
    Long handle(ReopenCase c) {
        return record(CaseRules.reopen(file, c));
    }

    @CommandHandler
    Long handle(PlaceLegalHold c) {
        return record(CaseRules.placeLegalHold(file, c));
    }

    @CommandHandler
    Long handle(LiftLegalHold c) {
        return record(CaseRules.liftLegalHold(file, c));
    }

    @CommandHandler
    Long handle(AddCaseNote c, Clock clock) {
        return record(CaseRules.addNote(file, c, clock.instant()));
    }

    @CommandHandler
    Long handle(RecordOverdueEvidence c) {
        CaseRules.recordOverdueEvidence(file, c).ifPresent(event -> apply(event));
        return getVersion();
    }

    @CommandHandler
    Long handle(ResolveOverdueEvidence c) {
        CaseRules.resolveOverdueEvidence(file, c).ifPresent(event -> apply(event));
        return getVersion();
    }

    private Long record(Object event) {
        apply(event);
        return getVersion();
    }

    @EventSourcingHandler
    void on(CaseOpened event) {
        caseId = event.caseId();
        file = CaseFile.opened(event);
    }

    @EventSourcingHandler
    void on(Object event) {
        if (!(event instanceof CaseOpened)) {
            file.apply(event);
        }
    }
}
