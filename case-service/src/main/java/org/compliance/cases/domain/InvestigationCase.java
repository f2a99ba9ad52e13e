package org.compliance.cases.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.OpenCase;

/** The investigation case. A thin shell: the rules live in {@link CaseRules}, state changes only on events. */
public class InvestigationCase {

    @AggregateIdentifier
    private String caseId;

    protected InvestigationCase() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public InvestigationCase(OpenCase command, Clock clock) {
        apply(CaseRules.open(command, clock.instant()));
    }

    @EventSourcingHandler
    void on(CaseOpened event) {
        this.caseId = event.caseId();
    }
}
