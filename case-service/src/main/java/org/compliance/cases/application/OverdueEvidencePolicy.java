package org.compliance.cases.application;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.compliance.api.cases.OverdueEvidenceResolution;
import org.compliance.api.cases.RecordOverdueEvidence;
import org.compliance.api.cases.ResolveOverdueEvidence;
import org.compliance.api.evidence.EvidenceAccepted;
import org.compliance.api.evidence.EvidenceRequestOverdue;
import org.compliance.api.evidence.EvidenceRequestWithdrawn;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.ExtensionGranted;
import org.compliance.api.evidence.MoreEvidenceRequested;
import org.jboss.logging.Logger;

/**
 * When evidence-service reports one of a case's requests overdue, the case records it (and so becomes
 * eligible for referral); when evidence arrives, the request is withdrawn or given a new due moment, the case
 * stops awaiting it. The commands inherit the event's actor and correlation; both are idempotent (the case
 * ignores a resolution for a request it does not await). A processing group of its own, not a projection: a rebuild
 * of the case views never re-runs it.
 */
@ApplicationScoped
@Unremovable
@ProcessingGroup("overdue-evidence")
public class OverdueEvidencePolicy {

    private static final Logger LOG = Logger.getLogger(OverdueEvidencePolicy.class);

    private final CommandGateway commands;

    public OverdueEvidencePolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(EvidenceRequestOverdue event) {
        if (send(new RecordOverdueEvidence(event.caseId(), event.requestId(), event.dueAt()), event.requestId())) {
            LOG.infof("Case %s is awaiting overdue evidence (request %s, due %s)", event.caseId(), event.requestId(),
                    event.dueAt());
        }
    }

    @EventHandler
    void on(EvidenceSubmitted event) {
        if (event.late()) {
            resolve(event.caseId(), event.requestId(), OverdueEvidenceResolution.EVIDENCE_SUBMITTED);
        }
    }

    @EventHandler
    void on(EvidenceAccepted event) {
        resolve(event.caseId(), event.requestId(), OverdueEvidenceResolution.EVIDENCE_ACCEPTED);
    }

    @EventHandler
    void on(ExtensionGranted event) {
        resolve(event.caseId(), event.requestId(), OverdueEvidenceResolution.DUE_MOMENT_MOVED);
    }

    @EventHandler
    void on(MoreEvidenceRequested event) {
        resolve(event.caseId(), event.requestId(), OverdueEvidenceResolution.DUE_MOMENT_MOVED);
    }

    @EventHandler
    void on(EvidenceRequestWithdrawn event) {
        resolve(event.caseId(), event.requestId(), OverdueEvidenceResolution.REQUEST_WITHDRAWN);
    }

    private void resolve(String caseId, String requestId, OverdueEvidenceResolution resolution) {
        send(new ResolveOverdueEvidence(caseId, requestId, resolution), requestId);
    }

    private boolean send(Object command, String requestId) {
        try {
            commands.sendAndWait(command);
            return true;
        } catch (AggregateNotFoundException e) {
            LOG.warnf("Evidence request %s belongs to a case case-service does not have; %s ignored", requestId,
                    command.getClass().getSimpleName());
            return false;
        }
    }
}
