package org.compliance.evidence.application;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.compliance.evidence.domain.EvidenceRequest;
import org.compliance.evidence.domain.KnownCases;
import org.compliance.evidence.domain.Periods;
import org.compliance.evidence.domain.ReminderSchedule;
import org.compliance.evidence.query.KnownCaseProjection;
import org.compliance.evidence.query.RequestViewProjection;
import org.compliance.platform.axon.ServiceComponents;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every Axon component of evidence-service, in one list. */
@ApplicationScoped
@Unremovable
public class EvidenceComponents implements ServiceComponents {

    private final KnownCaseProjection knownCases;
    private final RequestViewProjection requests;
    private final LegalHoldPolicy legalHolds;
    private final KnownCases caseLookup;
    private final ReminderSchedule reminders;
    private final Periods periods;

    public EvidenceComponents(KnownCaseProjection knownCases, RequestViewProjection requests,
                              LegalHoldPolicy legalHolds, KnownCases caseLookup, Periods periods,
                              @ConfigProperty(name = "compliance.evidence.reminder-days") List<Integer> reminderDays) {
        this.knownCases = knownCases;
        this.requests = requests;
        this.legalHolds = legalHolds;
        this.caseLookup = caseLookup;
        this.periods = periods;
        this.reminders = new ReminderSchedule(reminderDays);
    }

    @Override
    public List<Class<?>> aggregates() {
        return List.of(EvidenceRequest.class);
    }

    @Override
    public List<Object> eventHandlers() {
        return List.of(knownCases, requests, legalHolds);
    }

    @Override
    public Map<Class<?>, Object> resources() {
        return Map.of(ReminderSchedule.class, reminders, KnownCases.class, caseLookup, Periods.class, periods);
    }

    @Override
    public Optional<String> deadlineTable() {
        return Optional.of("evidence_service.scheduled_tasks");
    }
}
