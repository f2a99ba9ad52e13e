package org.compliance.cases.application;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.compliance.cases.domain.Authorities;
import org.compliance.cases.domain.InvestigationCase;
import org.compliance.cases.domain.PenaltyRegimes;
import org.compliance.cases.query.CaseViewProjection;
import org.compliance.platform.axon.ServiceComponents;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every Axon component of case-service, in one list. */
@ApplicationScoped
@Unremovable
public class CaseComponents implements ServiceComponents {

    private final CaseViewProjection views;
    private final OverdueEvidencePolicy overdueEvidence;
    private final KeyShredding keyShredding;
    private final Authorities authorities;
    private final PenaltyRegimes penaltyRegimes;

    public CaseComponents(CaseViewProjection views, OverdueEvidencePolicy overdueEvidence, KeyShredding keyShredding,
                          @ConfigProperty(name = "compliance.cases.authorities") List<String> authorities,
                          PenaltyRegimes penaltyRegimes) {
        this.views = views;
        this.overdueEvidence = overdueEvidence;
        this.keyShredding = keyShredding;
        this.authorities = new Authorities(authorities);
        this.penaltyRegimes = penaltyRegimes;
    }

    @Override
    public List<Class<?>> aggregates() {
        return List.of(InvestigationCase.class);
    }

    @Override
    public List<Object> eventHandlers() {
        return List.of(views, overdueEvidence, keyShredding);
    }

    @Override
    public Map<Class<?>, Object> resources() {
        return Map.of(Authorities.class, authorities, PenaltyRegimes.class, penaltyRegimes);
    }
}
