package org.compliance.audit.application;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.compliance.platform.axon.ServiceComponents;

/** audit-service reads the store directly and keeps no projection: no aggregates, no event handlers. */
@ApplicationScoped
@Unremovable
public class AuditComponents implements ServiceComponents {

    @Override
    public List<Class<?>> aggregates() {
        return List.of();
    }

    @Override
    public List<Object> eventHandlers() {
        return List.of();
    }
}
