package org.compliance.evidence.application;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.compliance.evidence.query.KnownCaseProjection;
import org.compliance.platform.axon.ServiceComponents;

/** Every Axon component of evidence-service, in one list. */
@ApplicationScoped
@Unremovable
public class EvidenceComponents implements ServiceComponents {

    private final KnownCaseProjection knownCases;

    public EvidenceComponents(KnownCaseProjection knownCases) {
        this.knownCases = knownCases;
    }

    @Override
    public List<Class<?>> aggregates() {
        return List.of();
    }

    @Override
    public List<Object> eventHandlers() {
        return List.of(knownCases);
    }
}
