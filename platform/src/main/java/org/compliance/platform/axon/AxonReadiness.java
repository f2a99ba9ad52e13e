package org.compliance.platform.axon;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The service is ready only once Axon's event store, processors and command bus run. */
@Readiness
@ApplicationScoped
public class AxonReadiness implements HealthCheck {

    private final AxonRuntime runtime;

    public AxonReadiness(AxonRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("axon").status(runtime.isRunning()).build();
    }
}
