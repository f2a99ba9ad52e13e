package org.compliance.platform.operations;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.compliance.platform.axon.AxonRuntime;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports how many events each processing group has parked, and stays UP: parked letters hold back only their
 * own aggregates, so taking the instance out of service (readiness) or restarting it (liveness) would cost
 * every other request and cure nothing. Operators are alerted by {@code compliance_dead_letters} instead.
 */
@Readiness
@ApplicationScoped
public class DeadLetterHealth implements HealthCheck {

    private final AxonRuntime axon;
    private final DeadLetters deadLetters;

    public DeadLetterHealth(AxonRuntime axon, DeadLetters deadLetters) {
        this.axon = axon;
        this.deadLetters = deadLetters;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("dead-letters").up();
        if (!axon.isRunning()) {
            return response.build();
        }
        try {
            Map<String, Long> counts = deadLetters.counts();
            response.withData("parked", counts.values().stream().mapToLong(Long::longValue).sum());
            counts.forEach((group, letters) -> response.withData(group, letters.longValue()));
        } catch (RuntimeException e) {
            response.withData("parked", "not counted: " + e.getMessage());
        }
        return response.build();
    }
}
