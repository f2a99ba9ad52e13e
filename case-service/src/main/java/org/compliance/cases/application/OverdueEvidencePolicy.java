package org.compliance.cases.application;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.compliance.api.cases.RecordOverdueEvidence;
import org.compliance.api.evidence.EvidenceRequestOverdue;
import org.jboss.logging.Logger;

/**
 * When evidence-service reports one of a case's requests overdue, the case records it (and so becomes
 * eligible for referral). The command inherits the event's actor and correlation; recording is idempotent,
 * and a rebuild of the case views never re-runs this ({@link DisallowReplay}).
 */
@ApplicationScoped
@Unremovable
public class OverdueEvidencePolicy {

    private static final Logger LOG = Logger.getLogger(OverdueEvidencePolicy.class);

    private final CommandGateway commands;

    public OverdueEvidencePolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(EvidenceRequestOverdue event) {
        try {
            commands.sendAndWait(new RecordOverdueEvidence(event.caseId(), event.requestId(), event.dueAt()));
            LOG.infof("Case %s is awaiting overdue evidence (request %s, due %s)", event.caseId(), event.requestId(),
                    event.dueAt());
        } catch (AggregateNotFoundException e) {
            LOG.warnf("Request %s went overdue for case %s, which case-service does not have; ignored",
                    event.requestId(), event.caseId());
        }
    }
}
