package org.compliance.notifications.application;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.compliance.notifications.roster.CaseRoster;
import org.compliance.platform.axon.ServiceComponents;

/**
 * Every Axon component of notification-service, in one list: the roster first, so it is current; the data subjects'
 * names and their erasure; the notifier.
 */
@ApplicationScoped
@Unremovable
public class NotificationComponents implements ServiceComponents {

    private final CaseRoster roster;
    private final DataSubjectErasure erasure;
    private final Notifier notifier;

    public NotificationComponents(CaseRoster roster, DataSubjectErasure erasure, Notifier notifier) {
        this.roster = roster;
        this.erasure = erasure;
        this.notifier = notifier;
    }

    @Override
    public List<Class<?>> aggregates() {
        return List.of();
    }

    @Override
    public List<Object> eventHandlers() {
        return List.of(roster, erasure, notifier);
    }
}
