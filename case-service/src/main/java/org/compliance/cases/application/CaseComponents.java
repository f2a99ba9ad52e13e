package org.compliance.cases.application;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.compliance.cases.domain.InvestigationCase;
import org.compliance.cases.query.CaseSummaryProjection;
import org.compliance.platform.axon.ServiceComponents;

/** Every Axon component of case-service, in one list. */
@ApplicationScoped
@Unremovable
public class CaseComponents implements ServiceComponents {

    private final CaseSummaryProjection summaries;

    public CaseComponents(CaseSummaryProjection summaries) {
        this.summaries = summaries;
    }

    @Override
    public List<Class<?>> aggregates() {
        return List.of(InvestigationCase.class);
    }

    @Override
    public List<Object> eventHandlers() {
        return List.of(summaries);
    }
}
