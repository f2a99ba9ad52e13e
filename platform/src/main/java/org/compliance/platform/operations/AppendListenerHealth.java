package org.compliance.platform.operations;

import jakarta.enterprise.context.ApplicationScoped;
import org.compliance.platform.axon.AxonRuntime;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows whether this instance listens for appended events (decision 22), and stays UP: without the notifications its
 * processors still see every event at the store's next poll, only later. Operators watch
 * {@code compliance_event_store_listening} instead.
 */
@Readiness
@ApplicationScoped
public class AppendListenerHealth implements HealthCheck {

    private final AxonRuntime axon;

    public AppendListenerHealth(AxonRuntime axon) {
        this.axon = axon;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("event-store-notifications").up();
        axon.appendListener().ifPresentOrElse(listener -> {
            response.withData("listening", listener.listening());
            listener.backendPid().ifPresent(pid -> response.withData("backend", pid));
            response.withData("notifications", listener.notifications());
            response.withData("reconnections", listener.reconnections());
        }, () -> response.withData("listening", false));
        return response.build();
    }
}
