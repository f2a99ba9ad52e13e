package org.compliance.notifications.application;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.compliance.notifications.inbox.InboxProjection;
import org.compliance.platform.axon.ServiceComponents;

/** Every Axon component of notification-service, in one list. */
@ApplicationScoped
@Unremovable
public class NotificationComponents implements ServiceComponents {

    private final InboxProjection inbox;

    public NotificationComponents(InboxProjection inbox) {
        this.inbox = inbox;
    }

    @Override
    public List<Class<?>> aggregates() {
        return List.of();
    }

    @Override
    public List<Object> eventHandlers() {
        return List.of(inbox);
    }
}
